using System.Globalization;
using System.Text;
using Lab.Domain.Results;

namespace Web.Instruments;

/// <summary>
/// The container every LabLims raw-data file shares, a CSV text in UTF-8:
/// <code>
/// Format,lablims-force-curve/1
/// Instrument,UTM-01
/// Serial,5967R4021
/// Method,FTW-TEN
/// Sample,S26-000123-01
/// Timestamp,2026-11-26T08:30:00Z
/// Parameter,Specimen width,6,mm          (any number of these)
/// Columns,Time,Displacement,Force
/// Units,s,mm,N
/// 0,0,0                                  (the data rows)
/// End,523                                (the number of data rows: a cut-off file has no End line)
/// </code>
/// Numbers are invariant-culture and written in their shortest exact form, so reading a file and writing it again gives
/// the same bytes. A field holding a comma or a quote is quoted, quotes doubled.
/// </summary>
internal sealed class RawCsvWriter
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;
    private int _rows;

    public RawCsvWriter(string format, RawHeader header, IEnumerable<RawParameter> parameters, IReadOnlyList<(string Name, string Unit)> columns)
    {
        Line("Format", format);
        Line("Instrument", header.Instrument);
        Line("Serial", header.Serial);
        Line("Method", header.Method);
        Line("Sample", header.Sample);
        Line("Timestamp", FormatTimestamp(header.Timestamp));
        foreach (var p in parameters) Line("Parameter", p.Name, Number(p.Value), p.Unit);
        Line(["Columns", .. columns.Select(c => c.Name)]);
        Line(["Units", .. columns.Select(c => c.Unit)]);
        _columns = columns.Count;
    }

    public void Row(params string[] cells)
    {
        if (cells.Length != _columns) throw new ArgumentException($"A row has {_columns} cells; {cells.Length} given.", nameof(cells));
        Line(cells);
        _rows++;
    }

    public byte[] Finish()
    {
        Line("End", _rows.ToString(CultureInfo.InvariantCulture));
        return new UTF8Encoding(false).GetBytes(_text.ToString());
    }

    public static string Number(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException($"Raw data holds finite numbers; {value} is not.", nameof(value));
        return (value + 0.0).ToString("R", CultureInfo.InvariantCulture); // + 0.0 turns -0 into 0
    }

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string FormatTimestamp(DateTime utc) => utc.ToString(RawCsvReader.TimestampFormat, CultureInfo.InvariantCulture);

    private void Line(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(',');
            _text.Append(Escape(fields[i]));
        }
        _text.Append('\n');
    }

    private static string Escape(string field)
    {
        field ??= "";
        if (field.AsSpan().IndexOfAny('\n', '\r') >= 0) throw new ArgumentException("A raw-data field cannot hold a line break.", nameof(field));
        var quote = field.AsSpan().IndexOfAny(',', '"') >= 0 || field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));
        return quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}

/// <summary>One data row of a raw-data file, with its line number for messages.</summary>
internal sealed class RawCsvRow(int line, string[] cells, IReadOnlyList<string> columns)
{
    public int Line { get; } = line;

    public double Number(int column)
    {
        var cell = cells[column];
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new RawDataFormatException($"{columns[column]} '{cell}' is not a number.", Line);
        if (!double.IsFinite(value)) throw new RawDataFormatException($"{columns[column]} '{cell}' is not a finite number.", Line);
        return value;
    }

    public int Integer(int column)
    {
        var cell = cells[column];
        return int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RawDataFormatException($"{columns[column]} '{cell}' is not a whole number.", Line);
    }

    public string Text(int column) => cells[column];
}

/// <summary>Reads the shared container (see <see cref="RawCsvWriter"/>) and checks its structure, naming the line at fault.</summary>
internal sealed class RawCsvReader
{
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private RawCsvReader(RawHeader header, ValueList<RawParameter> parameters, string[] columns, string[] units, int columnsLine, List<RawCsvRow> rows)
    {
        Header = header;
        Parameters = parameters;
        Columns = columns;
        Units = units;
        ColumnsLine = columnsLine;
        Rows = rows;
    }

    public RawHeader Header { get; }
    public ValueList<RawParameter> Parameters { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<string> Units { get; }
    public int ColumnsLine { get; }
    public IReadOnlyList<RawCsvRow> Rows { get; }

    public static RawCsvReader Read(byte[] content, string expectedFormat)
    {
        if (content is null || content.Length == 0) throw new RawDataFormatException("The file is empty.");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new RawDataFormatException("The file is not UTF-8 text.");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..]; // a byte-order mark from an instrument PC
        if (string.IsNullOrWhiteSpace(text)) throw new RawDataFormatException("The file is empty.");

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var fields = lines.Select((l, i) => Split(l, i + 1)).ToList();

        var end = fields.FindIndex(f => f[0] == "End");
        if (end < 0) throw new RawDataFormatException($"The file ends at line {lines.Count} without its End line: it is truncated.");
        for (var i = end + 1; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0) throw new RawDataFormatException("There is text after the End line.", i + 1);

        // ---- header
        var first = fields[0];
        if (first[0] != "Format" || first.Length != 2)
            throw new RawDataFormatException($"Expected 'Format,{expectedFormat}', found '{lines[0]}'.", 1);
        if (first[1] != expectedFormat)
            throw new RawDataFormatException($"The file is {first[1]}, not {expectedFormat}.", 1);
        string Field(int index, string key)
        {
            if (index >= end || fields[index][0] != key || fields[index].Length != 2)
                throw new RawDataFormatException($"Expected '{key},…', found '{(index < lines.Count ? lines[index] : "")}'.", index + 1);
            var value = fields[index][1].Trim();
            return value.Length > 0 ? value : throw new RawDataFormatException($"{key} is empty.", index + 1);
        }
        var instrument = Field(1, "Instrument");
        var serial = Field(2, "Serial");
        var method = Field(3, "Method");
        var sample = Field(4, "Sample");
        var stamp = Field(5, "Timestamp");
        if (!DateTime.TryParseExact(stamp, TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            throw new RawDataFormatException($"'{stamp}' is not a UTC timestamp like 2026-11-26T08:30:00Z.", 6);
        var header = new RawHeader(instrument, serial, method, sample, timestamp);

        // ---- parameters
        var at = 6;
        var parameters = new List<RawParameter>();
        while (at < end && fields[at][0] == "Parameter")
        {
            var f = fields[at];
            if (f.Length != 4 || f[1].Trim().Length == 0)
                throw new RawDataFormatException("A parameter line is 'Parameter,name,value,unit'.", at + 1);
            if (!double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new RawDataFormatException($"Parameter '{f[1]}' value '{f[2]}' is not a number.", at + 1);
            parameters.Add(new RawParameter(f[1], value, f[3]));
            at++;
        }

        // ---- columns and units
        if (at >= end || fields[at][0] != "Columns" || fields[at].Length < 2)
            throw new RawDataFormatException($"Expected the Columns line, found '{(at < end ? lines[at] : lines[end])}'.", at + 1);
        var columns = fields[at][1..];
        var columnsLine = at + 1;
        at++;
        if (at >= end || fields[at][0] != "Units")
            throw new RawDataFormatException($"Expected the Units line, found '{(at < end ? lines[at] : lines[end])}'.", at + 1);
        if (fields[at].Length - 1 != columns.Length)
            throw new RawDataFormatException($"The Units line has {fields[at].Length - 1} units for {columns.Length} columns.", at + 1);
        var units = fields[at][1..];
        at++;

        // ---- data rows and the End line
        var rows = new List<RawCsvRow>();
        for (; at < end; at++)
        {
            if (lines[at].Trim().Length == 0) throw new RawDataFormatException("Empty line inside the data.", at + 1);
            var f = fields[at];
            if (f.Length != columns.Length)
                throw new RawDataFormatException($"{f.Length} values, expected {columns.Length} ({string.Join(", ", columns)}).", at + 1);
            rows.Add(new RawCsvRow(at + 1, f, columns));
        }
        var endFields = fields[end];
        if (endFields.Length != 2 || !int.TryParse(endFields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new RawDataFormatException($"The End line is 'End,<number of rows>', found '{lines[end]}'.", end + 1);
        if (count != rows.Count)
            throw new RawDataFormatException($"The End line counts {count} data rows; the file has {rows.Count}: rows are missing or extra.", end + 1);
        if (rows.Count == 0) throw new RawDataFormatException("The file has no data rows.", end + 1);

        return new RawCsvReader(header, parameters.ToValueList(), columns, units, columnsLine, rows);
    }

    /// <summary>Checks the data columns: names in order, and units (null: any unit, but one must be given).</summary>
    public void ExpectColumns(params (string Name, string? Unit)[] expected)
    {
        var names = expected.Select(e => e.Name).ToArray();
        if (!Columns.SequenceEqual(names, StringComparer.Ordinal))
            throw new RawDataFormatException($"Expected columns {string.Join(", ", names)}; found {string.Join(", ", Columns)}.", ColumnsLine);
        for (var i = 0; i < expected.Length; i++)
        {
            var unit = Units[i];
            if (expected[i].Unit is { } u ? unit != u : unit.Trim().Length == 0)
                throw new RawDataFormatException(
                    $"Column {expected[i].Name} is in '{unit}', expected {(expected[i].Unit is { } e ? $"'{e}'" : "a unit")}.", ColumnsLine + 1);
        }
    }

    private static string[] Split(string line, int lineNo)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new RawDataFormatException("A quoted field is not closed.", lineNo);
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                if (i < line.Length && line[i] != ',') throw new RawDataFormatException("Text follows a quoted field.", lineNo);
            }
            else
            {
                while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return [.. fields];
            i++; // the comma
        }
    }
}
