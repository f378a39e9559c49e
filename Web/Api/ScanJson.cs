using System.Text.Json;
using Lab.Domain.Requests;
using Web.Booking;
using Web.Samples;

namespace Web.Api;

/// <summary>A scan as a station sends it to POST /api/v1/scans.</summary>
public sealed class ScanInput
{
    public string? Barcode { get; set; }
    public string? Station { get; set; }
    public ScanAction? Action { get; set; }
    /// <summary>For receive: what arrived; null means what the enterprise declared.</summary>
    public int? Quantity { get; set; }
    public SampleCondition Condition { get; set; } = SampleCondition.Intact;
    public string? Note { get; set; }
    /// <summary>For move: the storage location's barcode.</summary>
    public string? Location { get; set; }
}

/// <summary>
/// Reads a scan from the raw JSON body the way <see cref="BookingJson"/> reads a booking: a missing field, a value of
/// the wrong type or an unknown word becomes an error naming its field (never a framework 400 or a 500). Unknown
/// fields are ignored. Whether the codes themselves are valid is the controller's business (422/404), not this one's.
/// </summary>
public static class ScanJson
{
    /// <summary>A scan is a few hundred bytes; a body far larger is not a scan.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    /// <summary>No lab code is longer; a longer "code" is refused as input before it is looked up or echoed.</summary>
    public const int MaxCodeLength = 40;
    /// <summary>The custody record's limits.</summary>
    public const int MaxStationLength = 100;
    public const int MaxNoteLength = 1000;
    public const int MaxQuantity = 10_000;

    public static readonly IReadOnlyDictionary<string, ScanAction> Actions = Choices(
        ("receive", ScanAction.Receive), ("move", ScanAction.Move), ("take", ScanAction.Take), ("return", ScanAction.Return),
        ("dispose", ScanAction.Dispose), ("lookup", ScanAction.Lookup));
    public static readonly IReadOnlyDictionary<string, SampleCondition> Conditions = Choices(
        ("intact", SampleCondition.Intact), ("damaged", SampleCondition.Damaged), ("wrongQuantity", SampleCondition.WrongQuantity),
        ("unlabelled", SampleCondition.Unlabelled), ("other", SampleCondition.Other));

    /// <summary>The scan, and every problem with it; the input is null when the body is not a JSON object.</summary>
    public static (ScanInput? Input, List<BookingError> Errors) Read(ReadOnlyMemory<byte> body)
    {
        var errors = new List<BookingError>();
        var document = BookingJson.ParseObject(body, errors);
        if (document is null) return (null, errors);
        using (document)
        {
            var input = new ScanInput();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name.ToLowerInvariant())
                {
                    case "barcode": input.Barcode = BookingJson.ReadText(value, "barcode", errors); break;
                    case "station": input.Station = BookingJson.ReadText(value, "station", errors); break;
                    case "action":
                        if (value.ValueKind != JsonValueKind.Null)
                            input.Action = BookingJson.ReadChoice(value, "action", Actions, ScanAction.Lookup, errors);
                        if (errors.Any(e => e.Path == "action")) input.Action = null;
                        break;
                    case "quantity":
                        if (value.ValueKind == JsonValueKind.Null) break; // the declared quantity
                        if (BookingJson.WholeNumber(value) is { } quantity and >= 0 and <= MaxQuantity) input.Quantity = quantity;
                        else errors.Add(new("quantity", "Api.Scan.Quantity", MaxQuantity));
                        break;
                    case "condition": input.Condition = BookingJson.ReadChoice(value, "condition", Conditions, SampleCondition.Intact, errors); break;
                    case "note": input.Note = BookingJson.ReadText(value, "note", errors); break;
                    case "location": input.Location = BookingJson.ReadText(value, "location", errors); break;
                }
            }
            errors.AddRange(Validate(input).Unless(errors));
            return (input, errors);
        }
    }

    /// <summary>What each action needs, once every field could be read.</summary>
    private static IEnumerable<BookingError> Validate(ScanInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Barcode)) yield return new("barcode", "Api.Scan.BarcodeRequired");
        else if (input.Barcode.Trim().Length > MaxCodeLength) yield return new("barcode", "Api.Error.TooLong", MaxCodeLength);
        if (string.IsNullOrWhiteSpace(input.Station)) yield return new("station", "Api.Scan.StationRequired");
        else if (input.Station.Trim().Length > MaxStationLength) yield return new("station", "Api.Error.TooLong", MaxStationLength);
        if (input.Action is null) yield return new("action", "Api.Error.OneOf", string.Join(", ", Actions.Keys));
        if (input.Note is { } note && note.Trim().Length > MaxNoteLength) yield return new("note", "Api.Error.TooLong", MaxNoteLength);
        if (input.Action == ScanAction.Receive && input.Condition != SampleCondition.Intact && string.IsNullOrWhiteSpace(input.Note))
            yield return new("note", "Api.Scan.NoteRequired");
        if (input.Action == ScanAction.Move)
        {
            if (string.IsNullOrWhiteSpace(input.Location)) yield return new("location", "Api.Scan.LocationRequired");
            else if (input.Location.Trim().Length > MaxCodeLength) yield return new("location", "Api.Error.TooLong", MaxCodeLength);
        }
    }

    private static Dictionary<string, T> Choices<T>(params (string Word, T Value)[] choices) where T : struct, Enum =>
        choices.ToDictionary(c => c.Word, c => c.Value, StringComparer.OrdinalIgnoreCase);
}
