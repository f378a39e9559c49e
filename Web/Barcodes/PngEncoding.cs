using System.Buffers.Binary;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Web.Barcodes;

/// <summary>
/// PNG output: greyscale (black and white is all a label has), with the resolution recorded in a pHYs chunk so that
/// printing "at 100 %" gives the intended size in millimetres. Skia's encoder writes no pHYs of its own.
/// </summary>
internal static class PngEncoding
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(SKBitmap bitmap, double dpi)
    {
        using var grey = bitmap.ColorType == SKColorType.Gray8 ? null : bitmap.Copy(SKColorType.Gray8);
        using var data = (grey ?? bitmap).Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        return WithResolution(data.ToArray(), dpi);
    }

    /// <summary>A BGRA bitmap holding <paramref name="pixels"/> (ZXing's PixelData).</summary>
    public static SKBitmap FromBgra(byte[] pixels, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        if (bitmap.RowBytes != width * 4) throw new InvalidOperationException("Unexpected row stride.");
        Marshal.Copy(pixels, 0, bitmap.GetPixels(), width * height * 4);
        return bitmap;
    }

    /// <summary>Inserts a pHYs chunk (pixels per metre) right after IHDR.</summary>
    public static byte[] WithResolution(byte[] png, double dpi)
    {
        const int ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
        if (png.Length < ihdrEnd || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') return png;
        var pixelsPerMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, ihdrEnd), .. chunk, .. png.AsSpan(ihdrEnd)];
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
