using System.Text.RegularExpressions;
using Lab.Domain.Common;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;

namespace Web.Barcodes;

/// <summary>
/// What one sample label shows. The barcode must be a valid sample barcode (its MOD 11-2 check character right),
/// checked here and again by the renderer, so a label with a wrong code cannot be made, not even through
/// <c>with</c>. Texts are single lines: runs of whitespace become one space.
/// </summary>
public sealed partial record LabelContent(string Barcode, string RequestNumber, string SampleName, DateOnly Date, string? Caption = null)
{
    public string Barcode { get; init => field = ValidBarcode(value); } = ValidBarcode(Barcode);
    public string RequestNumber { get; init => field = Line(value, nameof(RequestNumber)); } = Line(RequestNumber, nameof(RequestNumber));
    public string SampleName { get; init => field = Line(value, nameof(SampleName)); } = Line(SampleName, nameof(SampleName));
    /// <summary>A short extra, e.g. "1/3" (the sample's place in the request) or the specimen.</summary>
    public string? Caption { get; init => field = OptionalLine(value); } = OptionalLine(Caption);

    /// <summary>One label per sample of a submitted request, in booking order, captioned "1/3", "2/3"...</summary>
    public static IReadOnlyList<LabelContent> ForRequest(TestRequest request, DateOnly date)
    {
        var number = request.Number ?? throw new DomainException("request-not-submitted", "A draft request has no number: submit it before printing labels.");
        var samples = request.Samples;
        return samples.Select((s, i) => new LabelContent(
                s.Barcode ?? throw new DomainException("sample-no-barcode", $"Sample {s.Name} has no barcode yet."),
                number, s.Name, date, $"{i + 1}/{samples.Count}"))
            .ToList();
    }

    internal static string ValidBarcode(string? barcode)
    {
        // A label is for a sample, one of its specimens, or a storage location.
        var reading = Numbers.ReadScan(barcode);
        return reading.IsValid
            ? reading.Code!
            : throw new DomainException("barcode-invalid", $"'{barcode}' is not a valid sample barcode" +
                (reading.Problem == BarcodeProblem.WrongCheckCharacter ? ": its check character is wrong." : "."));
    }

    private static string Line(string? text, string name) =>
        OptionalLine(text) ?? throw new ArgumentException($"A label needs a {name}.", name);

    private static string? OptionalLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Whitespace().Replace(text.Trim(), " ");
    }

    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex Whitespace();
}
