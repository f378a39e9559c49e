using System.Globalization;
using System.Text.RegularExpressions;
using Lab.Domain.Common;

namespace Lab.Domain.Numbering;

public enum NumberKind { Request, Sample, Report }

/// <summary>
/// The lab's readable, year-sortable numbers. Requests: WT2026-00042 (委托). Reports: BG2026-00042 (报告).
/// Sample barcodes: S2026-000123-K, where K is an ISO/IEC 7064 MOD 37,36 check character over the rest, so a
/// mistyped or misread code (any one wrong character, any two adjacent characters swapped) is rejected
/// rather than matched to another sample. The sequence numbers come from the database (see Lab.Data).
/// </summary>
public static partial class Numbers
{
    private const string CheckAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Prefix(NumberKind kind, int year) => kind switch
    {
        NumberKind.Request => $"WT{year:0000}-",
        NumberKind.Report => $"BG{year:0000}-",
        NumberKind.Sample => $"S{year:0000}-",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Format(NumberKind kind, int year, long sequence)
    {
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence));
        return kind switch
        {
            NumberKind.Request or NumberKind.Report => Prefix(kind, year) + sequence.ToString("00000", CultureInfo.InvariantCulture),
            NumberKind.Sample => SampleBarcode(year, sequence),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public static string SampleBarcode(int year, long sequence)
    {
        var body = $"S{year:0000}-{sequence.ToString("000000", CultureInfo.InvariantCulture)}";
        return $"{body}-{CheckCharacter(body)}";
    }

    /// <summary>ISO/IEC 7064 MOD 37,36 (hybrid system): one alphanumeric check character.</summary>
    public static char CheckCharacter(string body)
    {
        const int m = 36;
        var p = m;
        foreach (var c in body)
        {
            if (c == '-') continue;
            var v = CheckAlphabet.IndexOf(char.ToUpperInvariant(c));
            if (v < 0) throw new ArgumentException($"'{c}' cannot be part of a barcode.", nameof(body));
            var s = (p + v) % m;
            if (s == 0) s = m;
            p = s * 2 % (m + 1);
        }
        return CheckAlphabet[(m + 1 - p) % m];
    }

    /// <summary>
    /// Reads a scanned or typed sample barcode. Accepts lower case and surrounding spaces; refuses a code
    /// whose check character does not match.
    /// </summary>
    public static BarcodeReading ReadSampleBarcode(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        var m = SamplePattern().Match(t);
        if (!m.Success) return new BarcodeReading(BarcodeProblem.NotABarcode, null);
        var body = m.Groups["body"].Value;
        return m.Groups["check"].Value[0] == CheckCharacter(body)
            ? new BarcodeReading(null, t)
            : new BarcodeReading(BarcodeProblem.WrongCheckCharacter, null);
    }

    public static bool IsValidSampleBarcode(string? text) => ReadSampleBarcode(text).Problem is null;

    /// <summary>The year a number was issued in, read back from it.</summary>
    public static int YearOf(string number)
    {
        var m = YearPattern().Match(number ?? "");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new DomainException("number-format", $"'{number}' is not a lab number.");
    }

    [GeneratedRegex(@"^(?<body>S\d{4}-\d{6,})-(?<check>[0-9A-Z])$")]
    private static partial Regex SamplePattern();

    [GeneratedRegex(@"^[A-Z]{1,2}(\d{4})-")]
    private static partial Regex YearPattern();
}

public enum BarcodeProblem { NotABarcode, WrongCheckCharacter }

public sealed record BarcodeReading(BarcodeProblem? Problem, string? Barcode)
{
    public bool IsValid => Problem is null;
}
