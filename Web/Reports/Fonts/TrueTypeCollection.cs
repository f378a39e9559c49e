using System.Buffers.Binary;

namespace Web.Reports.Fonts;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc). PDFsharp 6.2 cannot read collections, and the CJK fonts of
/// Debian, Windows and macOS ship as collections; a face's table directory and the tables it points at, copied into
/// a file of their own, make a standalone font PDFsharp embeds (as a subset) like any .ttf.
/// </summary>
public static class TrueTypeCollection
{
    private const int TableRecordSize = 16;

    /// <summary>The face as a standalone font file; a file that is not a collection is returned as it is (face 0).</summary>
    public static byte[] ExtractFace(ReadOnlySpan<byte> font, int faceIndex = 0)
    {
        if (font.Length < 12) throw new InvalidDataException("Not a TrueType/OpenType font: the file is too short.");
        if (!font[..4].SequenceEqual("ttcf"u8))
        {
            if (faceIndex != 0) throw new ArgumentOutOfRangeException(nameof(faceIndex), "The font is not a collection: it has face 0 only.");
            return font.ToArray();
        }

        var faces = BinaryPrimitives.ReadUInt32BigEndian(font[8..]);
        if (faceIndex < 0 || faceIndex >= faces)
            throw new ArgumentOutOfRangeException(nameof(faceIndex), $"The collection has {faces} faces.");
        var face = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font[(12 + 4 * faceIndex)..]));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font[(face + 4)..]);
        var directoryLength = 12 + TableRecordSize * tableCount;

        var tables = new (int Offset, int Length)[tableCount];
        var total = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = font.Slice(face + 12 + TableRecordSize * i, TableRecordSize);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (offset < 0 || length < 0 || offset + length > font.Length) throw new InvalidDataException("A table of the face lies outside the file.");
            tables[i] = (offset, length);
            total += Pad4(length);
        }

        var result = new byte[total];
        font.Slice(face, 12).CopyTo(result); // sfnt version, table count, search fields
        var position = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var target = result.AsSpan(12 + TableRecordSize * i, TableRecordSize);
            font.Slice(face + 12 + TableRecordSize * i, 8).CopyTo(target); // tag and checksum: the table's bytes do not change
            BinaryPrimitives.WriteUInt32BigEndian(target[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(target[12..], (uint)tables[i].Length);
            font.Slice(tables[i].Offset, tables[i].Length).CopyTo(result.AsSpan(position));
            position += Pad4(tables[i].Length);
        }
        return result;
    }

    private static int Pad4(int length) => (length + 3) & ~3;
}
