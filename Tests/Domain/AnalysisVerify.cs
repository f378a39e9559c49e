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
}
