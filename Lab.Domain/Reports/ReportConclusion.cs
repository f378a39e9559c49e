using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Lab.Domain.Reports;

/// <summary>
/// The report's overall statement of conformity (检测结论), from the request's current verified results: one rule
/// for the certificate, the report email and the public verification page, so they can never disagree.
/// </summary>
public static class ReportConclusion
{
    /// <summary>
    /// Fail when any verdict fails; Pass when there are verdicts and every one passes; otherwise Inconclusive (a
    /// result inside the guard band, an item without a verdict, or nothing at all).
    /// </summary>
    public static Verdict Of(IEnumerable<Verdict?> verdicts)
    {
        var all = verdicts.ToList();
        if (all.Contains(Verdict.Fail)) return Verdict.Fail;
        return all.Count > 0 && all.All(v => v == Verdict.Pass) ? Verdict.Pass : Verdict.Inconclusive;
    }

    /// <summary>The current analyses' verdicts, counting only verified ones (a result not yet verified has none).</summary>
    public static Verdict Of(IEnumerable<Analysis> analyses) =>
        Of(analyses.Where(a => a.IsCurrent).Select(a => a.Status == AnalysisStatus.Verified ? a.Verdict : null));

    public static Verdict Of(TestRequest request) => Of(request.CurrentAnalyses);
}
