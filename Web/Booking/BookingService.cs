using Lab.Data;
using Lab.Data.Numbering;
using Lab.Domain.Catalog;
using Lab.Domain.Common;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Web.Email;
using Web.Infrastructure;

namespace Web.Booking;

/// <summary>
/// Booking a request, shared by the booking pages and the API: validate what the enterprise asked for, keep it
/// as a draft, price it, and submit it (numbers, barcodes, confirmation email).
/// </summary>
public sealed class BookingService(LabDbContext db, NumberAllocator numbers, EmailQueue emails, BookingEmails bookingEmails,
    TimeProvider clock, IOptions<LabOptions> options)
{
    public const int MaxSamples = 200;
    public const int MaxRecipients = 10;

    public async Task<Dictionary<string, TestMethod>> ActiveMethodsAsync() =>
        await db.TestMethods.Include(m => m.Family).Where(m => m.Active).ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem with the input at once, each naming its field; empty when it can be booked.</summary>
    public static List<BookingError> Validate(BookingInput input, IReadOnlyDictionary<string, TestMethod> methods)
    {
        var errors = new List<BookingError>();
        if (input.Samples.Count == 0) errors.Add(new("samples", "Booking.Error.NoSamples"));
        if (input.Samples.Count > MaxSamples) errors.Add(new("samples", "Booking.Error.TooManySamples", MaxSamples));
        for (var i = 0; i < Math.Min(input.Samples.Count, MaxSamples); i++)
        {
            var s = input.Samples[i] ?? new SampleInput();
            var at = $"samples[{i}]";
            if (string.IsNullOrWhiteSpace(s.Name)) errors.Add(new($"{at}.name", "Booking.Error.NameRequired", i + 1));
            Length(errors, $"{at}.name", s.Name, 200);
            Length(errors, $"{at}.model", s.Model, 200);
            Length(errors, $"{at}.brand", s.Brand, 100);
            Length(errors, $"{at}.batch", s.Batch, 100);
            Length(errors, $"{at}.description", s.Description, 1000);
            if (s.Quantity is < 1 or > 10_000) errors.Add(new($"{at}.quantity", "Booking.Error.QuantityRange", i + 1));
            var codes = (s.Methods ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (codes.Count == 0) errors.Add(new($"{at}.methods", "Booking.Error.NoMethods", SampleLabel(s, i)));
            foreach (var code in codes.Where(c => !methods.ContainsKey(c)))
                errors.Add(new($"{at}.methods", "Booking.Error.UnknownMethod", Shorten(code)));
            if (s.Quantity is >= 1 and <= 10_000)
                foreach (var method in codes.Where(methods.ContainsKey).Select(c => methods[c]).Where(m => m.SampleQuantity > s.Quantity))
                    errors.Add(new($"{at}.quantity", "Booking.Error.QuantityShort", method.Code, method.SampleQuantity, SampleLabel(s, i), s.Quantity));
        }
        if ((input.ReportRecipients ?? []).Count > MaxRecipients) errors.Add(new("reportRecipients", "Booking.Error.TooManyRecipients", MaxRecipients));
        foreach (var email in (input.ReportRecipients ?? []).Where(e => !string.IsNullOrWhiteSpace(e) && !EmailAddress.IsValid(e)))
            errors.Add(new("reportRecipients", "Booking.Error.RecipientInvalid", Shorten(email)));
        Length(errors, "notes", input.Notes, 2000);
        Length(errors, "producer.name", input.ProducerName, 200);
        Length(errors, "producer.address", input.ProducerAddress, 300);
        if (string.IsNullOrWhiteSpace(input.ProducerName) && !string.IsNullOrWhiteSpace(input.ProducerAddress))
            errors.Add(new("producer.name", "Booking.Error.ProducerNameRequired"));
        if (!Enum.IsDefined(input.DecisionRule)) errors.Add(new("decisionRule", "Booking.Error.Choice"));
        if (!Enum.IsDefined(input.Urgency)) errors.Add(new("urgency", "Booking.Error.Choice"));
        if (!Enum.IsDefined(input.ReportLanguage)) errors.Add(new("reportLanguage", "Booking.Error.Choice"));
        if (!Enum.IsDefined(input.SampleDisposal)) errors.Add(new("sampleDisposal", "Booking.Error.Choice"));
        return errors;
    }

    private static string SampleLabel(SampleInput s, int i) => string.IsNullOrWhiteSpace(s.Name) ? $"#{i + 1}" : Shorten(s.Name.Trim());
    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static void Length(List<BookingError> errors, string path, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(new(path, "Booking.Error.TooLong", max));
    }

    /// <summary>Writes the input into a draft (new or existing): terms, samples and their methods.</summary>
    public async Task<TestRequest> SaveDraftAsync(TestRequest? draft, BookingInput input, Enterprise enterprise, string user,
        IReadOnlyDictionary<string, TestMethod> methods)
    {
        await db.Entry(enterprise).Collection(e => e.Contacts).LoadAsync();
        var request = draft ?? new TestRequest(enterprise.Id, user, clock.GetUtcNow().UtcDateTime);
        Fill(request, input, enterprise, methods);
        if (draft is null) db.TestRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>The quote for what the input asks, without keeping anything.</summary>
    public async Task<Quote> PreviewAsync(BookingInput input, Enterprise enterprise, string user, IReadOnlyDictionary<string, TestMethod> methods)
    {
        await db.Entry(enterprise).Collection(e => e.Contacts).LoadAsync();
        var request = new TestRequest(enterprise.Id, user, clock.GetUtcNow().UtcDateTime);
        Fill(request, input, enterprise, methods);
        return QuoteFor(request);
    }

    private static void Fill(TestRequest request, BookingInput input, Enterprise enterprise, IReadOnlyDictionary<string, TestMethod> methods)
    {
        var recipients = (input.ReportRecipients ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        if (recipients.Count == 0) recipients = enterprise.ReportRecipients.ToList();
        request.SetTerms(input.DecisionRule, input.Urgency, input.ReportLanguage, input.SampleDisposal, input.SubcontractingAllowed,
            input.Notes, recipients);
        request.SetProducer(input.ProducerName, input.ProducerAddress);
        foreach (var old in request.Samples.ToList()) request.RemoveSample(old);
        foreach (var s in input.Samples)
        {
            var sample = request.AddSample(s.Name ?? "", s.Model, s.Brand, s.Batch, s.Quantity, s.Description);
            foreach (var code in (s.Methods ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct())
                if (methods.TryGetValue(code, out var method)) request.AddAnalysis(sample, method);
        }
    }

    public PricingTerms Terms => options.Value.Pricing;

    public Quote QuoteFor(TestRequest request) =>
        Quote.For(request, Today, WorkingDayCalendar.WeekdaysOnly, options.Value.Pricing);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Lang.LabTimeZone));

    /// <summary>
    /// Submits a draft: it takes its number and barcodes, the quote is fixed, and the enterprise's recipients get
    /// the confirmation in the request's language.
    /// </summary>
    public async Task<Quote> SubmitAsync(TestRequest request, Enterprise enterprise)
    {
        await db.Entry(enterprise).Collection(e => e.Contacts).LoadAsync();
        var quote = QuoteFor(request);
        var number = await numbers.NextAsync(NumberKind.Request);
        var barcodes = await numbers.NextAsync(NumberKind.Sample, request.Samples.Count);
        request.Submit(number, barcodes, quote.TotalCny, quote.DueDate, clock.GetUtcNow().UtcDateTime);
        foreach (var to in request.ReportRecipients.DefaultIfEmpty(enterprise.Contacts.First().Email).Distinct())
            emails.Stage(bookingEmails.Submitted(request, enterprise, quote), to, "request-submitted", request.Number,
                [EmailJobs.LabelsAttachment + request.Number]);
        await db.SaveChangesAsync();
        emails.DispatchStaged();
        return quote;
    }
}
