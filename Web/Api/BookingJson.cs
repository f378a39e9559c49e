using System.Text;
using System.Text.Json;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using Web.Booking;

namespace Web.Api;

/// <summary>
/// Reads a booking from the API's raw JSON body into a <see cref="BookingInput"/>, tolerantly: a value of the wrong
/// type (a text for a quantity, an object for a list, null in a list) becomes an error naming its field, in the
/// same form as <see cref="BookingService.Validate"/>'s, instead of a framework 400 naming .NET types. Unknown
/// fields are ignored; a missing optional field takes its default.
/// </summary>
public static class BookingJson
{
    /// <summary>The largest body the API reads (1 MiB): a request of 200 samples takes a few dozen KB.</summary>
    public const int MaxBodyBytes = 1 << 20;
    public const int MaxDepth = 16;
    /// <summary>More codes than the catalog holds is a mistake; past this they are not read one by one.</summary>
    public const int MaxMethodsPerSample = 100;

    public static readonly IReadOnlyDictionary<string, ReportLanguage> ReportLanguages = Choices(
        ("zh", ReportLanguage.Zh), ("en", ReportLanguage.En), ("bilingual", ReportLanguage.Bilingual));
    public static readonly IReadOnlyDictionary<string, DecisionRule> DecisionRules = Choices(
        ("simple", DecisionRule.SimpleAcceptance), ("guarded", DecisionRule.GuardBand));
    public static readonly IReadOnlyDictionary<string, Urgency> Urgencies = Choices(("normal", Urgency.Normal), ("urgent", Urgency.Urgent));
    public static readonly IReadOnlyDictionary<string, SampleDisposal> Disposals = Choices(
        ("return", SampleDisposal.Return), ("dispose", SampleDisposal.Dispose));

    /// <summary>The API's word for a choice, e.g. DecisionRule.GuardBand → "guarded".</summary>
    public static string Word<T>(IReadOnlyDictionary<string, T> choices, T value) where T : struct, Enum =>
        choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Key;

    /// <summary>The input, and every problem found reading it; the input is null when the body is not a JSON object.</summary>
    public static (BookingInput? Input, List<BookingError> Errors) Read(ReadOnlyMemory<byte> body)
    {
        var errors = new List<BookingError>();
        var document = ParseObject(body, errors);
        if (document is null) return (null, errors);
        using (document)
        {
            var root = document.RootElement;
            var input = new BookingInput();
            foreach (var field in root.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name.ToLowerInvariant())
                {
                    case "samples":
                        input.Samples = ReadSamples(value, errors);
                        break;
                    case "reportlanguage":
                        input.ReportLanguage = ReadChoice(value, "reportLanguage", ReportLanguages, input.ReportLanguage, errors);
                        break;
                    case "decisionrule":
                        input.DecisionRule = ReadChoice(value, "decisionRule", DecisionRules, input.DecisionRule, errors);
                        break;
                    case "urgency":
                        input.Urgency = ReadChoice(value, "urgency", Urgencies, input.Urgency, errors);
                        break;
                    case "sampledisposal":
                        input.SampleDisposal = ReadChoice(value, "sampleDisposal", Disposals, input.SampleDisposal, errors);
                        break;
                    case "subcontractingallowed":
                        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) input.SubcontractingAllowed = value.GetBoolean();
                        else if (value.ValueKind != JsonValueKind.Null) errors.Add(new("subcontractingAllowed", "Api.Error.Boolean"));
                        break;
                    case "notes":
                        input.Notes = ReadText(value, "notes", errors);
                        break;
                    case "reportrecipients":
                        input.ReportRecipients = ReadRecipients(value, errors);
                        break;
                    case "producer":
                        ReadProducer(value, input, errors);
                        break;
                }
            }
            return (input, errors);
        }
    }

    /// <summary>
    /// The body as a JSON object, or null with the reason under "body": empty, not UTF-8, not JSON, or not an object.
    /// Shared by every API body that is read by hand.
    /// </summary>
    internal static JsonDocument? ParseObject(ReadOnlyMemory<byte> body, List<BookingError> errors)
    {
        var bytes = body;
        if (bytes.Span.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(new("body", "Api.Error.BodyEmpty"));
            return null;
        }
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            errors.Add(new("body", "Api.Error.BodyEncoding"));
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            errors.Add(new("body", "Api.Error.BodyJson", (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1));
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            errors.Add(new("body", "Api.Error.BodyObject"));
            return null;
        }
        return document;
    }

    /// <summary>
    /// Drops the validator's complaints about a field whose value could not be read at all (or about anything inside
    /// it): "samples[1]" was null, so its missing name is no news.
    /// </summary>
    public static IEnumerable<BookingError> Unless(this IEnumerable<BookingError> validation, IReadOnlyCollection<BookingError> readErrors) =>
        validation.Where(v => !readErrors.Any(r => v.Path == r.Path
            || v.Path.StartsWith(r.Path + ".", StringComparison.Ordinal) || v.Path.StartsWith(r.Path + "[", StringComparison.Ordinal)));

    private static List<SampleInput> ReadSamples(JsonElement value, List<BookingError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("samples", "Api.Error.List"));
            return [];
        }
        var samples = new List<SampleInput>();
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            // Beyond the limit only the count matters (the validator says there are too many).
            samples.Add(i < BookingService.MaxSamples ? ReadSample(element, i, errors) : new SampleInput());
            i++;
        }
        return samples;
    }

    private static SampleInput ReadSample(JsonElement value, int i, List<BookingError> errors)
    {
        var at = $"samples[{i}]";
        var sample = new SampleInput();
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, "Api.Error.SampleObject", i + 1));
            return sample;
        }
        foreach (var field in value.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name.ToLowerInvariant())
            {
                case "name": sample.Name = ReadText(v, $"{at}.name", errors); break;
                case "model": sample.Model = ReadText(v, $"{at}.model", errors); break;
                case "brand": sample.Brand = ReadText(v, $"{at}.brand", errors); break;
                case "batch": sample.Batch = ReadText(v, $"{at}.batch", errors); break;
                case "description": sample.Description = ReadText(v, $"{at}.description", errors); break;
                case "quantity":
                    if (v.ValueKind == JsonValueKind.Null) break; // the default, 1
                    if (WholeNumber(v) is { } quantity) sample.Quantity = quantity;
                    else errors.Add(new($"{at}.quantity", "Booking.Error.QuantityRange", i + 1));
                    break;
                case "methods":
                    sample.Methods = ReadMethods(v, $"{at}.methods", errors);
                    break;
            }
        }
        return sample;
    }

    private static List<string> ReadMethods(JsonElement value, string path, List<BookingError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, "Api.Error.List"));
            return [];
        }
        if (value.GetArrayLength() > MaxMethodsPerSample)
        {
            errors.Add(new(path, "Api.Error.TooManyMethods", MaxMethodsPerSample));
            return [];
        }
        var codes = new List<string>();
        var n = 0;
        foreach (var element in value.EnumerateArray())
        {
            n++;
            if (element.ValueKind == JsonValueKind.String && TryGetString(element, out var code)) codes.Add(code);
            else errors.Add(new(path, "Api.Error.MethodCode", n));
        }
        return codes;
    }

    /// <summary>"producer": {"name", "address"}, the manufacturer when it is not the customer; null or absent for none.</summary>
    private static void ReadProducer(JsonElement value, BookingInput input, List<BookingError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("producer", "Api.Error.ProducerObject"));
            return;
        }
        foreach (var field in value.EnumerateObject())
        {
            switch (field.Name.ToLowerInvariant())
            {
                case "name": input.ProducerName = ReadText(field.Value, "producer.name", errors); break;
                case "address": input.ProducerAddress = ReadText(field.Value, "producer.address", errors); break;
            }
        }
    }

    private static List<string> ReadRecipients(JsonElement value, List<BookingError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("reportRecipients", "Api.Error.List"));
            return [];
        }
        var recipients = new List<string>();
        // One past the limit is enough for the validator to say there are too many.
        foreach (var element in value.EnumerateArray().Take(BookingService.MaxRecipients + 1))
        {
            if (element.ValueKind == JsonValueKind.String && TryGetString(element, out var email)) recipients.Add(email);
            else errors.Add(new("reportRecipients", "Api.Error.Text"));
        }
        return recipients;
    }

    internal static T ReadChoice<T>(JsonElement value, string path, IReadOnlyDictionary<string, T> choices, T fallback, List<BookingError> errors)
        where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.Null) return fallback;
        if (value.ValueKind == JsonValueKind.String && TryGetString(value, out var word))
        {
            // The API's words ("guarded"), or the enum's own names ("GuardBand"); never a number.
            if (choices.TryGetValue(word.Trim(), out var choice)) return choice;
            var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(word.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null) return Enum.Parse<T>(name);
        }
        errors.Add(new(path, "Api.Error.OneOf", string.Join(", ", choices.Keys)));
        return fallback;
    }

    internal static string? ReadText(JsonElement value, string path, List<BookingError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && TryGetString(value, out var text)) return text;
        errors.Add(new(path, "Api.Error.Text"));
        return null;
    }

    /// <summary>A JSON number that is a whole Int32 (3 and 3.0, not 2.5, 1e300 or 2147483648).</summary>
    internal static int? WholeNumber(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number) return null;
        if (value.TryGetInt32(out var n)) return n;
        return value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue
            ? (int)d : null;
    }

    /// <summary>A string value; false for text that cannot be turned into .NET text (an escaped lone surrogate).</summary>
    internal static bool TryGetString(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static Dictionary<string, T> Choices<T>(params (string Word, T Value)[] choices) where T : struct, Enum =>
        choices.ToDictionary(c => c.Word, c => c.Value, StringComparer.OrdinalIgnoreCase);
}
