using Lab.Domain.Catalog;
using Lab.Domain.Reports;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ReportConclusionRule
{
    private static readonly TestMethod Ph = new MethodBuilder().Build(); // 4.0 to 8.5
    private static readonly TestMethod Label = MethodBuilder.PassFailInspection();

    [Fact]
    public void EveryVerifiedResultPassingIsPass()
    {
        var request = new RequestBuilder().WithSample("Red", 1, Ph, Label).WithSample("Blue", 1, Ph).Verified();

        Assert.Equal(Verdict.Pass, ReportConclusion.Of(request));
    }

    [Fact]
    public void OneFailingResultMakesTheWholeReportFail()
    {
        var request = new RequestBuilder().WithSample("Red", 1, Ph, Label).WithSample("Blue", 1, Ph).Received();
        request.RecordResult(request.Samples[0].Analyses[0], 6.0, LabDay.Analyst, LabDay.Later(30));
        request.RecordFinding(request.Samples[0].Analyses[1], meetsRequirement: true, LabDay.Analyst, LabDay.Later(30));
        request.RecordResult(request.Samples[1].Analyses[0], 9.7, LabDay.Analyst, LabDay.Later(30));
        RequestBuilder.VerifyAll(request);

        Assert.Equal(Verdict.Fail, ReportConclusion.Of(request));
    }

    [Fact]
    public void AGuardBandResultWithoutAFailIsInconclusive()
    {
        var ph = new MethodBuilder().Uncertainty(0.3).Build();
        var request = new RequestBuilder().WithDecisionRule(DecisionRule.GuardBand).WithSample("Red", 1, ph, Label).Received();
        request.RecordResult(request.Samples[0].Analyses[0], 8.4, LabDay.Analyst, LabDay.Later(30)); // within U of the upper limit
        request.RecordFinding(request.Samples[0].Analyses[1], meetsRequirement: true, LabDay.Analyst, LabDay.Later(30));
        RequestBuilder.VerifyAll(request);

        Assert.Equal(Verdict.Inconclusive, request.Samples[0].Analyses[0].Verdict);
        Assert.Equal(Verdict.Inconclusive, ReportConclusion.Of(request));
    }

    [Fact]
    public void ResultsNotYetVerifiedDoNotMakeAPass()
    {
        var request = new RequestBuilder().WithSample("Red", 1, Ph).WithSample("Blue", 1, Ph).Reviewing();
        request.VerifyAnalysis(request.Samples[0].Analyses[0], LabDay.Reviewer, LabDay.Later(45));

        Assert.Equal(Verdict.Inconclusive, ReportConclusion.Of(request));
        Assert.Equal(Verdict.Inconclusive, ReportConclusion.Of(new RequestBuilder().Submitted()));
    }

    [Fact]
    public void ARetractedFailIsReplacedByItsRetest()
    {
        var request = new RequestBuilder().WithSample("Red", 1, Ph).Received();
        var first = request.Samples[0].Analyses[0];
        request.RecordResult(first, 9.9, LabDay.Analyst, LabDay.Later(30));
        request.VerifyAnalysis(first, LabDay.Reviewer, LabDay.Later(40));
        Assert.Equal(Verdict.Fail, ReportConclusion.Of(request));

        var retest = request.RetractAnalysis(first, "Electrode not rinsed");
        request.StartAnalysis(retest, LabDay.Later(50));
        request.RecordResult(retest, 6.1, LabDay.Analyst, LabDay.Later(55));
        request.VerifyAnalysis(retest, LabDay.Reviewer, LabDay.Later(58));

        Assert.Equal(Verdict.Pass, ReportConclusion.Of(request));
    }

    [Theory]
    [InlineData(new[] { "Pass", "Pass" }, "Pass")]
    [InlineData(new[] { "Pass", "Fail", "Inconclusive" }, "Fail")]
    [InlineData(new[] { "Pass", "Inconclusive" }, "Inconclusive")]
    [InlineData(new[] { "Pass", null }, "Inconclusive")]
    [InlineData(new string?[0], "Inconclusive")]
    public void VerdictsAloneFollowTheSameRule(string?[] verdicts, string expected) =>
        Assert.Equal(Enum.Parse<Verdict>(expected), ReportConclusion.Of(verdicts.Select(v => v is null ? (Verdict?)null : Enum.Parse<Verdict>(v))));
}
