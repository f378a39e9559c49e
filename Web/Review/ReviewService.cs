using Lab.Data;
using Lab.Domain.Catalog;
using Lab.Domain.Common;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Instruments;

namespace Web.Review;

/// <summary>
/// A reviewer's decision was taken on a result that is no longer as the reviewer saw it: someone else verified or
/// retracted it, or the technician corrected it, in the meantime. The message is already in the user's language.
/// </summary>
public sealed class StaleReviewException(string message) : Exception(message);

/// <summary>
/// The reviewer's work (审核): the queue, everything a reviewer looks at before deciding, and the decisions —
/// verify, verify a whole request, or retract with a reason (which creates the retest).
/// <para>
/// Every decision runs in one transaction that is opened before the analysis is read. On SQLite that is
/// <c>BEGIN IMMEDIATE</c>: a second reviewer deciding on the same result waits for the first to commit, then reads
/// what the first decided and is told so, instead of overwriting it. The form also carries the result's state as the
/// reviewer saw it (<see cref="Stamp"/>), so a result corrected after the page was opened is never verified unseen.
/// </para>
/// </summary>
public sealed class ReviewService(LabDbContext db, TimeProvider clock, PeopleDirectory people, RunCurveReader curves,
    IStringLocalizer<SharedResource> l, ILogger<ReviewService> log)
{
    /// <summary>The state of a result as shown to the reviewer: its status and how many times it was changed.</summary>
    public static string Stamp(Analysis a) => $"{a.Status}:{a.Changes.Count}";

    public async Task<IReadOnlyList<ReviewGroupVm>> QueueAsync(string reviewer)
    {
        var analyses = await db.Analyses.AsNoTracking().Include(a => a.Method).Include(a => a.Changes)
            .Where(a => a.Status == AnalysisStatus.ToBeVerified)
            .OrderBy(a => a.ProducedAt).Take(500)
            .AsSplitQuery().ToListAsync();
        if (analyses.Count == 0) return [];
        var sampleIds = analyses.Select(a => a.SampleId).Distinct().ToList();
        var samples = await db.Samples.AsNoTracking().Where(s => sampleIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Barcode, s.Name, s.TestRequestId }).ToDictionaryAsync(s => s.Id);
        var requestIds = samples.Values.Select(s => s.TestRequestId).Distinct().ToList();
        var requests = await (from r in db.TestRequests.AsNoTracking()
                              join e in db.Enterprises on r.EnterpriseId equals e.Id
                              where requestIds.Contains(r.Id)
                              select new
                              {
                                  r.Id, r.Number, r.DueDate, r.Urgency, r.DecisionRule, Enterprise = e.Name,
                                  Verified = r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status == AnalysisStatus.Verified),
                                  Current = r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status != AnalysisStatus.Retracted),
                              }).ToDictionaryAsync(r => r.Id);
        var analysisIds = analyses.Select(a => a.Id).ToList();
        var runIds = await db.Runs.AsNoTracking().Where(r => analysisIds.Contains(r.AnalysisId) && r.Status == RunStatus.Completed)
            .GroupBy(r => r.AnalysisId).Select(g => new { AnalysisId = g.Key, RunId = g.Max(r => r.Id) })
            .ToDictionaryAsync(x => x.AnalysisId, x => x.RunId);
        var name = await people.NamerAsync();
        return analyses
            .GroupBy(a => samples[a.SampleId].TestRequestId)
            .Select(g =>
            {
                var r = requests[g.Key];
                var items = g.OrderBy(a => samples[a.SampleId].Barcode).ThenBy(a => a.Id).Select(a => new ReviewItemVm(
                    a.Id, Stamp(a), a.MethodCode, a.Method?.NameZh ?? a.MethodCode, a.Method?.NameEn ?? a.MethodCode,
                    samples[a.SampleId].Barcode ?? "", samples[a.SampleId].Name, a.ResultText, a.Unit,
                    // A pass/fail limit says nothing by itself: the requirement's words do.
                    a.Limit.Kind == LimitKind.PassFail ? null : a.Limit.Describe(a.Unit), a.Method?.RequirementZh ?? "", a.Method?.RequirementEn ?? "", a.Verdict,
                    name(a.ProducedBy), a.ProducedAt, a.LastCorrectedBy is { } c ? name(c) : null, !a.MayBeVerifiedBy(reviewer),
                    runIds.TryGetValue(a.Id, out var run) ? run : null)).ToList();
                return new ReviewGroupVm(r.Number!, r.Enterprise, r.DueDate, r.Urgency, r.DecisionRule, r.Verified, r.Current, items);
            })
            .OrderByDescending(g => g.Urgency).ThenBy(g => g.DueDate).ThenBy(g => g.RequestNumber)
            .ToList();
    }

    /// <summary>Everything on record about one analysis, for the review page and the staff's analysis page.</summary>
    public async Task<AnalysisRecordVm?> RecordAsync(int analysisId)
    {
        var request = await db.RequestOwningAnalysis(analysisId).AsNoTracking()
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Changes)
            .SingleOrDefaultAsync();
        if (request is null) return null;
        var sample = request.Samples.Single(s => s.Analyses.Any(a => a.Id == analysisId));
        var analysis = sample.Analyses.Single(a => a.Id == analysisId);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == request.EnterpriseId).Select(e => e.Name).SingleAsync();
        var runs = await db.Runs.AsNoTracking().Where(r => r.AnalysisId == analysisId).OrderBy(r => r.Id).ToListAsync();
        var resultRun = runs.LastOrDefault(r => r.Status == RunStatus.Completed);
        Instrument? instrument = null;
        Calibration? calibration = null;
        if (resultRun is not null)
        {
            instrument = await db.Instruments.AsNoTracking().Include(i => i.Calibrations).SingleAsync(i => i.Id == resultRun.InstrumentId);
            calibration = CalibrationOn(instrument, RunDay(resultRun));
        }
        // The chain of attempts at this method on this sample: what this result replaced, and what replaced it.
        var retestOf = analysis.RetestOfId is { } previous ? sample.Analyses.SingleOrDefault(a => a.Id == previous) : null;
        var retest = sample.Analyses.FirstOrDefault(a => a.RetestOfId == analysis.Id);
        return new AnalysisRecordVm(request, enterprise, sample, analysis, runs, resultRun, instrument, calibration,
            resultRun is null ? null : await curves.SvgAsync(resultRun), retestOf, retest, await people.NamerAsync());
    }

    public static DateOnly RunDay(Run run) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(run.StartedAt ?? run.QueuedAt, DateTimeKind.Utc), Lang.LabTimeZone));

    /// <summary>The calibration the instrument was under on the day of the run (the latest one done by then).</summary>
    public static Calibration? CalibrationOn(Instrument instrument, DateOnly day) =>
        instrument.Calibrations.Where(c => c.CalibratedOn <= day).OrderByDescending(c => c.CalibratedOn).ThenByDescending(c => c.Id).FirstOrDefault();

    public async Task<(Analysis Analysis, TestRequest Request)> VerifyAsync(int analysisId, string? seen, string reviewer)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (request, analysis) = await LoadForDecisionAsync(analysisId);
        await EnsureAsSeenAsync(analysis, seen);
        request.VerifyAnalysis(analysis, reviewer, Now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (analysis, request);
    }

    /// <summary>Verifies the listed results of one request together: all of them, or (on any refusal) none.</summary>
    public async Task<(int Count, TestRequest Request)> VerifyAllAsync(string requestNumber, IReadOnlyList<(int AnalysisId, string? Seen)> items, string reviewer)
    {
        if (items.Count == 0) throw new DomainException("review-nothing-chosen", "No results were chosen to verify.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var request = await LoadRequestAsync(r => r.Number == requestNumber)
            ?? throw new DomainException("request-unknown", $"There is no request {requestNumber}.");
        var now = Now;
        foreach (var (id, seen) in items.DistinctBy(i => i.AnalysisId))
        {
            var analysis = request.Analyses.SingleOrDefault(a => a.Id == id)
                ?? throw new DomainException("analysis-unknown", $"Analysis {id} is not part of request {requestNumber}.");
            await EnsureAsSeenAsync(analysis, seen);
            request.VerifyAnalysis(analysis, reviewer, now);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (items.DistinctBy(i => i.AnalysisId).Count(), request);
    }

    /// <summary>Withdraws the result with the reason (it stays on record) and creates the retest, which goes back to the worklist.</summary>
    public async Task<(Analysis Retracted, Analysis Retest)> RetractAsync(int analysisId, string? seen, string reason, string reviewer)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (request, analysis) = await LoadForDecisionAsync(analysisId);
        await EnsureAsSeenAsync(analysis, seen);
        var retest = request.RetractAnalysis(analysis, reason, reviewer, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        log.LogInformation("Analysis {AnalysisId} ({Method}) of {Request} retracted by {Reviewer}: {Reason}; retest {RetestId}",
            analysis.Id, analysis.MethodCode, request.Number, reviewer, analysis.RetractionReason, retest.Id);
        return (analysis, retest);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<(TestRequest Request, Analysis Analysis)> LoadForDecisionAsync(int analysisId)
    {
        var request = await db.RequestOwningAnalysis(analysisId)
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Changes)
            .SingleOrDefaultAsync()
            ?? throw new DomainException("analysis-unknown", $"There is no analysis {analysisId}.");
        return (request, request.Analyses.Single(a => a.Id == analysisId));
    }

    private Task<TestRequest?> LoadRequestAsync(System.Linq.Expressions.Expression<Func<TestRequest, bool>> which) =>
        db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Changes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(which);

    private async Task EnsureAsSeenAsync(Analysis analysis, string? seen)
    {
        if (string.IsNullOrEmpty(seen) || seen == Stamp(analysis)) return;
        var name = await people.NamerAsync();
        throw new StaleReviewException(analysis.Status switch
        {
            AnalysisStatus.Verified => l["Review.AlreadyVerified", analysis.MethodCode, name(analysis.VerifiedBy), Lang.Time(analysis.VerifiedAt)],
            AnalysisStatus.Retracted => l["Review.AlreadyRetracted", analysis.MethodCode, analysis.RetractionReason ?? ""],
            AnalysisStatus.ToBeVerified => l["Review.ChangedSinceOpened", analysis.MethodCode, Shown(analysis)],
            _ => l["Review.NoLongerWaiting", analysis.MethodCode, l["AnalysisStatus." + analysis.Status]],
        });
    }

    /// <summary>A result as people read it: the value with its unit, or 合格/不合格 for a finding.</summary>
    public string Shown(Analysis a) => Shown(a.ResultText, a.Unit);

    public string Shown(string? text, string unit) =>
        text is null ? "—" : text is "Pass" or "Fail" ? l["Verdict." + text] : $"{text} {unit}".Trim();
}

public sealed record ReviewItemVm(int AnalysisId, string Stamp, string MethodCode, string NameZh, string NameEn, string Barcode,
    string SampleName, string? ResultText, string Unit, string? Limit, string RequirementZh, string RequirementEn, Verdict? Verdict,
    string ProducedBy, DateTime? ProducedAt,
    string? CorrectedBy, bool Mine, int? RunId);

public sealed record ReviewGroupVm(string RequestNumber, string EnterpriseName, DateOnly? DueDate, Urgency Urgency, DecisionRule DecisionRule,
    int VerifiedCount, int AnalysisCount, IReadOnlyList<ReviewItemVm> Items)
{
    /// <summary>Verify-all is offered when someone else produced every waiting result of the request.</summary>
    public bool CanVerifyAll => Items.Count > 0 && Items.All(i => !i.Mine);
}

public sealed record AnalysisRecordVm(TestRequest Request, string EnterpriseName, Sample Sample, Analysis Analysis, IReadOnlyList<Run> Runs,
    Run? ResultRun, Instrument? Instrument, Calibration? Calibration, string? CurveSvg, Analysis? RetestOf, Analysis? Retest,
    Func<string?, string> Name)
{
    /// <summary>The instrument's calibration covered the day of the run.</summary>
    public bool CalibrationValid => Calibration is { } c && ResultRun is { } r && ReviewService.RunDay(r) <= c.DueOn;
}
