using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Lab.Data;

/// <summary>
/// Loading a request as an aggregate (its samples, their analyses and methods) from one of its parts. The request is
/// found from the part's own key or unique index, never with "Samples.Any(…)": SQLite runs that correlated EXISTS as a
/// scan of every request, in each of the split queries (≈10 ms per query at 100,000 samples, see bench/). Here each
/// query is "Id IN (the request of the sample of this analysis)": primary-key and unique-index look-ups only.
/// </summary>
public static class RequestLoading
{
    /// <summary>
    /// The request owning analysis <paramref name="analysisId"/>, with samples, analyses and (unless
    /// <paramref name="methods"/> is false: a result is recorded without them) the analyses' methods; tracked.
    /// </summary>
    public static IQueryable<TestRequest> RequestOwningAnalysis(this LabDbContext db, int analysisId, bool methods = true)
    {
        var sampleOfAnalysis = db.Analyses.Where(a => a.Id == analysisId).Select(a => a.SampleId);
        var requestOfSample = db.Samples.Where(s => sampleOfAnalysis.Contains(s.Id)).Select(s => s.TestRequestId);
        var requests = methods ? db.TestRequests.WithAnalysesAndMethods() : db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).AsSplitQuery();
        return requests.Where(r => requestOfSample.Contains(r.Id));
    }

    /// <summary>
    /// The request owning analysis <paramref name="analysisId"/> with its samples and their analyses (no methods), tracked:
    /// what recording a result through the request's verbs reads (the analysis, its sample, and every current analysis of
    /// every sample, since the last result moves the request on to Reviewing). Two compiled statements, each by keys: the
    /// request, then its samples joined to their analyses (EF fixes them up into the request's collections). Not one
    /// statement: EF writes a request's nested include as a join to a subquery of ALL samples and analyses, which SQLite
    /// materializes (a scan of both tables per call). Null when there is no such analysis.
    /// </summary>
    public static async Task<TestRequest?> RequestToRecordResultAsync(this LabDbContext db, int analysisId)
    {
        var request = await RequestOfAnalysis.For(db)(db, analysisId);
        if (request is null) return null;
        await foreach (var _ in SamplesWithAnalyses.For(db)(db, request.Id))
        {
            // tracked: each sample and its analyses join the request's graph as they are read
        }
        return request;
    }

    private static readonly CompiledPerModel<Func<LabDbContext, int, Task<TestRequest?>>> RequestOfAnalysis = new(() => EF.CompileAsyncQuery(
        (LabDbContext db, int analysisId) => db.TestRequests
            .Where(r => db.Samples.Where(s => db.Analyses.Where(a => a.Id == analysisId).Select(a => a.SampleId).Contains(s.Id))
                .Select(s => s.TestRequestId).Contains(r.Id))
            .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<LabDbContext, int, IAsyncEnumerable<Sample>>> SamplesWithAnalyses = new(() => EF.CompileAsyncQuery(
        (LabDbContext db, int requestId) => db.Samples.Include(s => s.Analyses).Where(s => s.TestRequestId == requestId)));

    /// <summary>The request owning the sample with <paramref name="sampleBarcode"/>, with samples, analyses and methods (tracked).</summary>
    public static IQueryable<TestRequest> RequestOwningSample(this LabDbContext db, string sampleBarcode)
    {
        var requestOfSample = db.Samples.Where(s => s.Barcode == sampleBarcode).Select(s => s.TestRequestId);
        return db.TestRequests.WithAnalysesAndMethods().Where(r => requestOfSample.Contains(r.Id));
    }

    /// <summary>Samples, their analyses and the analyses' methods, in split queries (one per collection, not a cartesian product).</summary>
    public static IQueryable<TestRequest> WithAnalysesAndMethods(this IQueryable<TestRequest> requests) =>
        requests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method).AsSplitQuery();
}
