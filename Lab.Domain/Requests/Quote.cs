using Lab.Domain.Common;

namespace Lab.Domain.Requests;

/// <summary>The lab's pricing terms: what urgent service costs and how much faster it is.</summary>
public sealed record PricingTerms(decimal UrgentSurchargePercent = 50m, decimal UrgentTurnaroundFactor = 0.5m)
{
    public static PricingTerms Default { get; } = new();
}

public sealed record QuoteLine(string SampleName, string MethodCode, string MethodNameZh, string MethodNameEn, string Standard,
    decimal PriceCny, int TurnaroundDays);

/// <summary>
/// What a request will cost and when it will be done (报价): one line per sample and method, the urgent surcharge,
/// the total in CNY, and the promised completion date in working days from the day of submission.
/// </summary>
public sealed record Quote(IReadOnlyList<QuoteLine> Lines, decimal SubtotalCny, decimal SurchargePercent, decimal SurchargeCny,
    decimal TotalCny, int TurnaroundDays, DateOnly DueDate)
{
    /// <summary>Prices the request's current analyses as booked (their price is fixed on the analysis).</summary>
    public static Quote For(TestRequest request, DateOnly submittedOn, WorkingDayCalendar calendar, PricingTerms terms)
    {
        var lines = request.Samples.SelectMany(s => s.CurrentAnalyses.Select(a => new QuoteLine(
                s.Name, a.MethodCode, a.Method?.NameZh ?? a.MethodCode, a.Method?.NameEn ?? a.MethodCode, a.Method?.Standard ?? "",
                a.PriceCny, a.Method?.TurnaroundDays ?? 1)))
            .ToList();
        if (lines.Count == 0) throw new DomainException("request-no-samples", "Add at least one sample with a method to get a quote.");
        var subtotal = lines.Sum(l => l.PriceCny);
        var urgent = request.Urgency == Urgency.Urgent;
        var percent = urgent ? terms.UrgentSurchargePercent : 0m;
        var surcharge = decimal.Round(subtotal * percent / 100m, 2, MidpointRounding.AwayFromZero);
        // Methods run in parallel: the slowest one sets the turnaround.
        var days = lines.Max(l => l.TurnaroundDays);
        if (urgent) days = Math.Max(1, (int)Math.Ceiling(days * terms.UrgentTurnaroundFactor));
        return new Quote(lines, subtotal, percent, surcharge, subtotal + surcharge, days, calendar.AddWorkingDays(submittedOn, days));
    }
}
