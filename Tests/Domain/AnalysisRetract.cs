using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class AnalysisRetract
{
    [Fact]
    public void RetractKeepsTheResultOnRecordAndCreatesAFreeRetest()
    {
        var method = new MethodBuilder().Uncertainty(0.1).Priced(150m).Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Reviewing();
        var original = request.Analyses.Single();

        var retest = request.RetractAnalysis(original, " Electrode not calibrated ");

        Assert.Equal(AnalysisStatus.Retracted, original.Status);
        Assert.Equal("Electrode not calibrated", original.RetractionReason);
        Assert.Equal(6.2, original.ResultValue);
        Assert.False(original.IsCurrent);

        Assert.Equal(AnalysisStatus.Pending, retest.Status);
        Assert.Equal(original.Id, retest.RetestOfId);
        Assert.Equal(0m, retest.PriceCny);
        Assert.Equal((original.MethodCode, original.MethodVersion, original.Limit, original.Precision, original.ExpandedUncertainty),
            (retest.MethodCode, retest.MethodVersion, retest.Limit, retest.Precision, retest.ExpandedUncertainty));
        Assert.Null(retest.ResultValue);
        Assert.Null(retest.Verdict);

        Assert.Equal([original, retest], request.Samples[0].Analyses);
        Assert.Same(retest, Assert.Single(request.CurrentAnalyses));
    }

    [Fact]
    public void RetractReturnsTheRequestAndSampleToTesting()
    {
        var request = new RequestBuilder().Reviewing();

        request.RetractAnalysis(request.Analyses.Single(), "Wrong specimen");

        Assert.Equal(RequestStatus.InTesting, request.Status);
        Assert.Equal(SampleStatus.InTesting, request.Samples[0].Status);
        Assert.False(request.IsReadyForApproval);
    }

    [Fact]
    public void VerifiedResultCanBeRetracted()
    {
        var request = new RequestBuilder().Verified();

        var retest = request.RetractAnalysis(request.Analyses.Single(), "Reviewer spotted a transcription error");

        Assert.Equal(AnalysisStatus.Pending, retest.Status);
        Assert.Equal(RequestStatus.InTesting, request.Status);
    }

    [Fact]
    public void RetractWhileOtherResultsAreStillComingKeepsTheRequestInTesting()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, ph, MethodBuilder.PassFailInspection()).Received();
        var first = request.Analyses.First();
        request.RecordResult(first, 6, LabDay.Analyst, LabDay.Later(30));

        var retest = request.RetractAnalysis(first, "Wrong specimen");

        Assert.Equal(RequestStatus.InTesting, request.Status);
        Assert.Equal(SampleStatus.InTesting, request.Samples[0].Status);
        Assert.Equal(2, request.CurrentAnalyses.Count());
        Assert.Contains(retest, request.CurrentAnalyses);
    }

    [Fact]
    public void RetestResultBringsTheRequestBackToReviewing()
    {
        var request = new RequestBuilder().Reviewing();
        var firstReview = request.ReviewingAt;
        var retest = request.RetractAnalysis(request.Analyses.Single(), "Wrong specimen");

        request.StartAnalysis(retest, LabDay.Later(100));
        request.RecordResult(retest, 6.8, LabDay.Analyst, LabDay.Later(120));

        Assert.Equal(RequestStatus.Reviewing, request.Status);
        Assert.Equal(SampleStatus.Tested, request.Samples[0].Status);
        Assert.Equal(firstReview, request.ReviewingAt);
        Assert.False(request.IsReadyForApproval);

        request.VerifyAnalysis(retest, LabDay.Reviewer, LabDay.Later(130));
        Assert.True(request.IsReadyForApproval);
    }

    [Fact]
    public void RetractWithoutAResultIsRefused()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();

        Expect.Refusal("analysis-retract", () => request.RetractAnalysis(analysis, "Nothing to retract"));
        request.StartAnalysis(analysis, LabDay.Later(20));
        Expect.Refusal("analysis-retract", () => request.RetractAnalysis(analysis, "Nothing to retract"));
        Assert.Single(request.Analyses);
    }

    [Fact]
    public void RetractTwiceIsRefused()
    {
        var request = new RequestBuilder().Reviewing();
        var original = request.Analyses.Single();
        request.RetractAnalysis(original, "Wrong specimen");

        Expect.Refusal("analysis-retract", () => request.RetractAnalysis(original, "Again"));
        Assert.Equal(2, request.Analyses.Count());
    }

    [Fact]
    public void RetractWithoutAReasonIsRefused()
    {
        var request = new RequestBuilder().Reviewing();

        Expect.Refusal("required", () => request.RetractAnalysis(request.Analyses.Single(), " "));

        Assert.Equal(AnalysisStatus.ToBeVerified, request.Analyses.Single().Status);
        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }

    [Fact]
    public void RetractAfterIssueIsRefused()
    {
        var request = new RequestBuilder().Issued();

        Expect.Refusal("request-issued", () => request.RetractAnalysis(request.Analyses.Single(), "Too late: amend the report"));
        Assert.Equal(AnalysisStatus.Verified, request.Analyses.Single().Status);
    }

    [Fact]
    public void RetestOfAnInspectionTakesAFreshFinding()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, MethodBuilder.PassFailInspection()).Reviewing();
        var retest = request.RetractAnalysis(request.Analyses.Single(), "Label photo missing");

        request.RecordFinding(retest, false, LabDay.Analyst, LabDay.Later(100));

        Assert.Equal(Verdict.Fail, retest.Verdict);
        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }
}
