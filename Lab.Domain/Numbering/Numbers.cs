using System.Globalization;
using System.Text.RegularExpressions;
using Lab.Domain.Common;

namespace Lab.Domain.Numbering;

public enum NumberKind { Request, Sample, Report }

/// <summary>
/// The lab's readable, year-sortable numbers. Requests: WT2026-00042 (委托). Reports: BG2026-00042 (报告).
/// Sample barcodes: S2026-000123-K, where K is an ISO/IEC 7064 MOD 11-2 check character over the digits, so a
/// mistyped or misread code (any one wrong character, any two adjacent characters swapped) is rejected
/// rather than matched to another sample. The sequence numbers come from the database (see Lab.Data).
/// </summary>
public static partial class Numbers
{
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

    /// <summary>
    /// ISO/IEC 7064 MOD 11-2 (the check of the resident identity card number) over the body's digits: '0'–'9' or 'X'.
    /// The prefix letter and the hyphens are fixed by the barcode's pattern, so only the digits can be mistyped
    /// without the code being refused outright; with the prime modulus 11 every single wrong digit and every swap of
    /// two different neighbouring digits changes the check. (The hybrid MOD 37,36 used before missed some swaps:
    /// S2026-000100 and S2026-001000 had the same check character.)
    /// </summary>
    public static char CheckCharacter(string body)
    {
        var p = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '-' || i == 0 && char.IsAsciiLetter(c)) continue;
            if (!char.IsAsciiDigit(c)) throw new ArgumentException($"'{c}' cannot be part of a barcode's digits.", nameof(body));
            p = (p + c - '0') * 2 % 11;
        }
        var check = (12 - p) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
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

    /// <summary>A specimen cut from a sample: the sample's number, the specimen's number, its own check character (S2026-000123-02-5).</summary>
    public static string SpecimenBarcode(string sampleBarcode, int specimenNumber)
    {
        var sample = ReadSampleBarcode(sampleBarcode);
        if (!sample.IsValid) throw new DomainException("barcode-invalid", $"'{sampleBarcode}' is not a valid sample barcode.");
        if (specimenNumber is < 1 or > 99) throw new DomainException("specimen-number", "A sample is divided into at most 99 specimens.");
        var body = $"{sample.Barcode![..^2]}-{specimenNumber:00}";
        return $"{body}-{CheckCharacter(body)}";
    }

    /// <summary>A storage location's barcode (L-0007-3): rooms, shelves, cabinets, conditioning chambers.</summary>
    public static string LocationBarcode(long sequence)
    {
        var body = $"L-{sequence.ToString("0000", CultureInfo.InvariantCulture)}";
        return $"{body}-{CheckCharacter(body)}";
    }

    /// <summary>
    /// Reads anything a scanner can meet in the lab: a sample, a specimen or a storage location. A code of the
    /// right shape with a wrong check character is refused as such; it never matches another item.
    /// </summary>
    public static ScanReading ReadScan(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant();
        foreach (var (kind, pattern) in new[] { (ScanKind.Sample, SamplePattern()), (ScanKind.Specimen, SpecimenPattern()), (ScanKind.Location, LocationPattern()) })
        {
            var m = pattern.Match(t);
            if (!m.Success) continue;
            return m.Groups["check"].Value[0] == CheckCharacter(m.Groups["body"].Value)
                ? new ScanReading(kind, t, null)
                : new ScanReading(kind, null, BarcodeProblem.WrongCheckCharacter);
        }
        return new ScanReading(null, null, BarcodeProblem.NotABarcode);
    }

    /// <summary>The sample a specimen was cut from (S2026-000123-02-5 → S2026-000123-7).</summary>
    public static string SampleOfSpecimen(string specimenBarcode)
    {
        var m = SpecimenPattern().Match(specimenBarcode);
        if (!m.Success) throw new DomainException("barcode-invalid", $"'{specimenBarcode}' is not a specimen barcode.");
        var sampleBody = m.Groups["sample"].Value;
        return $"{sampleBody}-{CheckCharacter(sampleBody)}";
    }

    /// <summary>The year a number was issued in, read back from it.</summary>
    public static int YearOf(string number)
    {
        var m = YearPattern().Match(number ?? "");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new DomainException("number-format", $"'{number}' is not a lab number.");
    }

    [GeneratedRegex(@"^(?<body>S\d{4}-\d{6,})-(?<check>[0-9A-Z])$")]
    private static partial Regex SamplePattern();

    [GeneratedRegex(@"^(?<body>(?<sample>S\d{4}-\d{6,})-\d{2})-(?<check>[0-9A-Z])$")]
    private static partial Regex SpecimenPattern();

    [GeneratedRegex(@"^(?<body>L-\d{4,})-(?<check>[0-9A-Z])$")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"^[A-Z]{1,2}(\d{4})-")]
    private static partial Regex YearPattern();
}

public enum BarcodeProblem { NotABarcode, WrongCheckCharacter }

public enum ScanKind { Sample, Specimen, Location }

/// <summary>What a scanned code is (when its shape says so) and its normalized text, or why it was refused.</summary>
public sealed record ScanReading(ScanKind? Kind, string? Code, BarcodeProblem? Problem)
{
    public bool IsValid => Problem is null;
}

public sealed record BarcodeReading(BarcodeProblem? Problem, string? Barcode)
{
    public bool IsValid => Problem is null;
}
