using Lab.Domain.Requests;

namespace Tests.Domain;

public class AnalysisVerify
{
    [Fact]
    public void SomeoneElseVerifiesTheResult()
    {
        var request = new RequestBuilder().Reviewing();
        var analysis = request.Analyses.Single();

        request.VerifyAnalysis(analysis, " " + LabDay.Reviewer + " ", LabDay.Later(45));

        Assert.Equal(AnalysisStatus.Verified, analysis.Status);
        Assert.Equal(LabDay.Reviewer, analysis.VerifiedBy);
        Assert.Equal(LabDay.Later(45), analysis.VerifiedAt);
        Assert.True(request.IsReadyForApproval);
    }

    [Theory]
    [InlineData("li.wei")]
    [InlineData("LI.WEI")]
    [InlineData("  Li.Wei ")]
    public void ProducerCannotVerifyTheirOwnResult(string verifiedBy)
    {
        var request = new RequestBuilder().Reviewing();
        var analysis = request.Analyses.Single();

        Expect.Refusal("self-verification", () => request.VerifyAnalysis(analysis, verifiedBy, LabDay.Later(45)));

        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
        Assert.Null(analysis.VerifiedBy);
        Assert.False(request.IsReadyForApproval);
    }

    [Fact]
    public void VerifyWithoutAResultIsRefused()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();

        Expect.Refusal("analysis-verify", () => request.VerifyAnalysis(analysis, LabDay.Reviewer, LabDay.Later(45)));
        request.StartAnalysis(analysis, LabDay.Later(20));
        Expect.Refusal("analysis-verify", () => request.VerifyAnalysis(analysis, LabDay.Reviewer, LabDay.Later(45)));
    }

    [Fact]
    public void VerifyTwiceIsRefused()
    {
        var request = new RequestBuilder().Verified();

        Expect.Refusal("analysis-verify", () => request.VerifyAnalysis(request.Analyses.Single(), "someone.else", LabDay.Later(50)));
        Assert.Equal(LabDay.Reviewer, request.Analyses.Single().VerifiedBy);
    }

    [Fact]
    public void VerifyWithoutAVerifierIsRefused()
    {
        var request = new RequestBuilder().Reviewing();

        Expect.Refusal("required", () => request.VerifyAnalysis(request.Analyses.Single(), "", LabDay.Later(45)));
    }

    [Fact]
    public void ResultMayBeVerifiedWhileOtherAnalysesAreStillInTesting()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, ph, MethodBuilder.PassFailInspection()).Received();
        var first = request.Analyses.First();
        request.RecordResult(first, 6, LabDay.Analyst, LabDay.Later(30));

        request.VerifyAnalysis(first, LabDay.Reviewer, LabDay.Later(45));

        Assert.Equal(AnalysisStatus.Verified, first.Status);
        Assert.Equal(RequestStatus.InTesting, request.Status);
        Assert.False(request.IsReadyForApproval);
    }

    [Fact]
    public void RequestIsReadyForApprovalOnlyWhenEveryResultIsVerified()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Reviewing();

        request.VerifyAnalysis(request.Samples[0].Analyses[0], LabDay.Reviewer, LabDay.Later(45));
        Assert.False(request.IsReadyForApproval);

        request.VerifyAnalysis(request.Samples[1].Analyses[0], LabDay.Reviewer, LabDay.Later(46));
        Assert.True(request.IsReadyForApproval);
    }
    private static (TestRequest Request, Analysis Analysis) CorrectedBy(string corrector)
    {
        var request = new RequestBuilder().WithSample("Canopy", 1, new MethodBuilder().Build()).Received();
        var analysis = request.Samples[0].Analyses[0];
        request.RecordResult(analysis, 9.1, LabDay.Analyst, LabDay.Later(30));
        request.CorrectResult(analysis, 7.1, "Typo: 7.1 read from the meter", corrector, LabDay.Later(40));
        return (request, analysis);
    }

    [Fact]
    public void WhoCorrectedTheResultLastCannotVerifyIt()
    {
        var (request, analysis) = CorrectedBy("wang.fang");

        Expect.Refusal("self-verification", () => request.VerifyAnalysis(analysis, "WANG.FANG", LabDay.Later(45)));

        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
        Assert.False(analysis.MayBeVerifiedBy("wang.fang"));
    }

    [Fact]
    public void WhoProducedTheResultCannotVerifyItAfterSomeoneElseCorrectedIt()
    {
        var (request, analysis) = CorrectedBy("wang.fang");

        Assert.Equal((LabDay.Analyst, LabDay.Later(30)), (analysis.ProducedBy, analysis.ProducedAt));
        Expect.Refusal("self-verification", () => request.VerifyAnalysis(analysis, LabDay.Analyst, LabDay.Later(45)));
        Assert.False(analysis.MayBeVerifiedBy(LabDay.Analyst));

        Assert.True(analysis.MayBeVerifiedBy(LabDay.Reviewer));
        request.VerifyAnalysis(analysis, LabDay.Reviewer, LabDay.Later(45));
        Assert.Equal(AnalysisStatus.Verified, analysis.Status);
    }

    [Fact]
    public void AnEarlierCorrectorMayVerifyWhatSomeoneElseCorrectedSince()
    {
        var (request, analysis) = CorrectedBy("wang.fang");
        request.CorrectResult(analysis, 7.2, "Second reading", "zhao.lei", LabDay.Later(41));

        Assert.Equal("zhao.lei", analysis.LastCorrectedBy);
        request.VerifyAnalysis(analysis, "wang.fang", LabDay.Later(45));

        Assert.Equal("wang.fang", analysis.VerifiedBy);
    }
}
