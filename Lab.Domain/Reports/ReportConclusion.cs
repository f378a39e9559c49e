using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Lab.Domain.Reports;

/// <summary>
/// The report's overall statement of conformity (检测结论), from the request's current verified results: one rule
/// for the certificate and the public verification page, so they can never disagree.
/// </summary>
public static class ReportConclusion
{
    /// <summary>
    /// Fail when any current verified result fails; Pass when every current result is verified and passes;
    /// otherwise Inconclusive (a result inside the guard band, or one not verified, or none at all).
    /// </summary>
    public static Verdict Of(TestRequest request) => Of(request.CurrentAnalyses);

    public static Verdict Of(IEnumerable<Analysis> analyses)
    {
        var current = analyses.Where(a => a.IsCurrent).ToList();
        var verified = current.Where(a => a.Status == AnalysisStatus.Verified).ToList();
        if (verified.Any(a => a.Verdict == Verdict.Fail)) return Verdict.Fail;
        if (current.Count > 0 && verified.Count == current.Count && verified.All(a => a.Verdict == Verdict.Pass)) return Verdict.Pass;
        return Verdict.Inconclusive;
    }
}
