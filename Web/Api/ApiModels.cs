using System.Globalization;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Web.Api;

// The JSON shapes of /api/v1. External integrations depend on the names and their order: add fields at the end,
// never rename. Statuses are the enum names ("Submitted", "Expected", "Pending"); dates are "yyyy-MM-dd".

/// <summary>A method of the active catalog.</summary>
public sealed record ApiMethod(string Code, string NameZh, string NameEn, string Standard, string Unit, decimal PriceCny,
    int TurnaroundDays, string Family, int SampleQuantity, string SampleUnitZh, string SampleUnitEn, string RequirementZh,
    string RequirementEn)
{
    public static ApiMethod From(TestMethod m) => new(m.Code, m.NameZh, m.NameEn, m.Standard, m.Unit, ApiMoney.Cny(m.PriceCny), m.TurnaroundDays,
        m.Family?.Code ?? "", m.SampleQuantity, m.SampleUnitZh, m.SampleUnitEn, m.RequirementZh, m.RequirementEn);
}

public sealed record ApiAnalysis(int Id, string Method, string Status);

public sealed record ApiSample(string? Barcode, string Name, string Status, IReadOnlyList<ApiAnalysis> Analyses);

public sealed record ApiQuote(decimal TotalCny, string? DueDate);

/// <summary>A report of the request: issued, superseded by an amendment, or withdrawn (UTC time of issue).</summary>
public sealed record ApiReport(string Number, DateTime IssuedAt, string Status)
{
    public static ApiReport From(Web.Reports.ReportSummary r) => new(r.Number, DateTime.SpecifyKind(r.IssuedAt, DateTimeKind.Utc), r.Status.ToString());
}

public sealed record ApiRequest(string? Number, string Status, IReadOnlyList<ApiSample> Samples, ApiQuote Quote, IReadOnlyList<ApiReport> Reports)
{
    /// <summary>The request as booked and as it stands; the samples and analyses in the order they were booked.</summary>
    public static ApiRequest From(TestRequest r) => From(r, []);

    /// <summary>The request with its reports, oldest first.</summary>
    public static ApiRequest From(TestRequest r, IEnumerable<Web.Reports.ReportSummary> reports) => new(
        r.Number,
        r.Status.ToString(),
        r.Samples.OrderBy(s => s.Id).Select(s => new ApiSample(s.Barcode, s.Name, s.Status.ToString(),
            s.Analyses.OrderBy(a => a.Id).Select(a => new ApiAnalysis(a.Id, a.MethodCode, a.Status.ToString())).ToList())).ToList(),
        new ApiQuote(ApiMoney.Cny(r.TotalCny), r.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        reports.Select(ApiReport.From).ToList());
}

public static class ApiMoney
{
    /// <summary>
    /// Yuan with exactly two decimals (450.00, 12.50), however the amount was computed or stored: the same amount
    /// is always the same JSON text.
    /// </summary>
    public static decimal Cny(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
