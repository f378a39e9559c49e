using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ResultRecording
{
    [Fact]
    public void ResultIsRoundedToTheMethodPrecisionJudgedAndAwaitsVerification()
    {
        var method = new MethodBuilder().Limit(SpecLimit.Max(75), precision: 2, unit: "mg/kg").Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Received();
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, 40.4567, " " + LabDay.Analyst + " ", LabDay.Later(30));

        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
        Assert.Equal(40.46, analysis.ResultValue);
        Assert.Equal("40.46", analysis.ResultText);
        Assert.Equal(Verdict.Pass, analysis.Verdict);
        Assert.Equal(LabDay.Analyst, analysis.ProducedBy);
        Assert.Equal(LabDay.Later(30), analysis.ProducedAt);
        Assert.Equal(LabDay.Later(30), analysis.StartedAt);
    }

    [Fact]
    public void ResultTextKeepsTrailingZerosOfThePrecision()
    {
        var method = new MethodBuilder().Limit(SpecLimit.Range(4.0, 8.5), precision: 1).Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Received();
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, 6, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal("6.0", analysis.ResultText);
    }

    [Theory]
    [InlineData(75.4, Verdict.Pass)]
    [InlineData(75.5, Verdict.Fail)] // rounds to even: 76
    public void RoundedValueIsWhatIsJudged(double value, Verdict expected)
    {
        var method = new MethodBuilder().Limit(SpecLimit.Max(75), precision: 0).Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Received();
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, value, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal(expected, analysis.Verdict);
    }

    [Fact]
    public void GradeIsReportedInGradeNotation()
    {
        var method = new MethodBuilder().Code("TEX-CFRUB").Limit(SpecLimit.MinGrade(3), precision: 1).Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, method).Received();
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, 3.5, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal("3-4", analysis.ResultText);
        Assert.Equal(Verdict.Pass, analysis.Verdict);
    }

    [Theory]
    [InlineData(DecisionRule.SimpleAcceptance, 41.0, Verdict.Pass)]
    [InlineData(DecisionRule.SimpleAcceptance, 39.0, Verdict.Fail)]
    [InlineData(DecisionRule.GuardBand, 41.0, Verdict.Inconclusive)]
    [InlineData(DecisionRule.GuardBand, 39.0, Verdict.Inconclusive)]
    [InlineData(DecisionRule.GuardBand, 42.0, Verdict.Pass)]
    [InlineData(DecisionRule.GuardBand, 37.9, Verdict.Fail)]
    public void ResultIsJudgedWithTheRequestsDecisionRule(DecisionRule rule, double value, Verdict expected)
    {
        var upf = new MethodBuilder().Code("UMB-UPF").Limit(SpecLimit.Min(40), precision: 1).Uncertainty(2).Build();
        var request = new RequestBuilder().WithSample("Sun umbrella", 1, upf).WithDecisionRule(rule).Received();
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, value, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal(expected, analysis.Verdict);
    }

    [Fact]
    public void GuardBandUsesTheUncertaintyAsBookedNotAsRevisedLater()
    {
        var upf = new MethodBuilder().Code("UMB-UPF").Limit(SpecLimit.Min(40), precision: 1).Uncertainty(2).Build();
        var request = new RequestBuilder().WithSample("Sun umbrella", 1, upf).WithDecisionRule(DecisionRule.GuardBand).Received();
        upf.Revise("", 1, SpecLimit.Min(40), "≥40", "at least 40", expandedUncertainty: 0.1, confirmed: true);
        var analysis = request.Analyses.Single();

        request.RecordResult(analysis, 41, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal(Verdict.Inconclusive, analysis.Verdict);
    }

    [Theory]
    [InlineData(true, Verdict.Pass, "Pass")]
    [InlineData(false, Verdict.Fail, "Fail")]
    public void FindingJudgesAPassFailInspection(bool meetsRequirement, Verdict verdict, string text)
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, MethodBuilder.PassFailInspection()).Received();
        var analysis = request.Analyses.Single();

        request.RecordFinding(analysis, meetsRequirement, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
        Assert.Equal(verdict, analysis.Verdict);
        Assert.Equal(text, analysis.ResultText);
        Assert.Null(analysis.ResultValue);
        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }

    [Fact]
    public void NumberForAnInspectionIsRefusedAndChangesNothing()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, MethodBuilder.PassFailInspection()).Received();
        var analysis = request.Analyses.Single();

        Expect.Refusal("limit-passfail", () => request.RecordResult(analysis, 1, LabDay.Analyst, LabDay.Later(30)));

        Assert.Equal(AnalysisStatus.Pending, analysis.Status);
        Assert.Equal(RequestStatus.Received, request.Status);
    }

    [Fact]
    public void FindingForAMeasurementIsRefusedAndChangesNothing()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();

        Expect.Refusal("limit-numeric", () => request.RecordFinding(analysis, true, LabDay.Analyst, LabDay.Later(30)));

        Assert.Equal(AnalysisStatus.Pending, analysis.Status);
    }

    [Fact]
    public void ResultBeforeReceiptIsRefused()
    {
        var submitted = new RequestBuilder().Submitted();
        var draft = new RequestBuilder().Draft();

        Expect.Refusal("sample-not-received", () => submitted.RecordResult(submitted.Analyses.Single(), 6, LabDay.Analyst, LabDay.Later(30)));
        Expect.Refusal("request-not-testing", () => draft.RecordResult(draft.Analyses.Single(), 6, LabDay.Analyst, LabDay.Later(30)));
        Assert.Equal(AnalysisStatus.Pending, submitted.Analyses.Single().Status);
    }

    [Fact]
    public void SecondResultForTheSameAnalysisIsRefused()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, ph, MethodBuilder.PassFailInspection()).Received();
        var analysis = request.Analyses.First();
        request.RecordResult(analysis, 6, LabDay.Analyst, LabDay.Later(30));

        Expect.Refusal("analysis-record-a-result-for", () => request.RecordResult(analysis, 7, LabDay.Analyst, LabDay.Later(31)));
        Assert.Equal(6, analysis.ResultValue);
    }

    [Fact]
    public void ResultWithoutAProducerIsRefused()
    {
        var request = new RequestBuilder().Received();

        Expect.Refusal("required", () => request.RecordResult(request.Analyses.Single(), 6, " ", LabDay.Later(30)));
    }

    [Fact]
    public void SampleIsTestedOnlyWhenAllItsAnalysesHaveResults()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Fabric", 1, ph, MethodBuilder.PassFailInspection()).Received();
        var sample = request.Samples[0];

        request.RecordResult(sample.Analyses[0], 6, LabDay.Analyst, LabDay.Later(30));
        Assert.Equal(SampleStatus.InTesting, sample.Status);
        Assert.Equal(RequestStatus.InTesting, request.Status);

        request.RecordFinding(sample.Analyses[1], true, LabDay.Analyst, LabDay.Later(35));
        Assert.Equal(SampleStatus.Tested, sample.Status);
        Assert.Equal(RequestStatus.Reviewing, request.Status);
        Assert.Equal(LabDay.Later(35), request.ReviewingAt);
    }

    [Fact]
    public void RequestIsReviewedOnlyWhenEverySampleHasAllItsResults()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Received();

        request.RecordResult(request.Samples[0].Analyses[0], 6, LabDay.Analyst, LabDay.Later(30));

        Assert.Equal(SampleStatus.Tested, request.Samples[0].Status);
        Assert.Equal(SampleStatus.Received, request.Samples[1].Status);
        Assert.Equal(RequestStatus.InTesting, request.Status);

        request.RecordResult(request.Samples[1].Analyses[0], 6, LabDay.Analyst, LabDay.Later(40));

        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }

    [Fact]
    public void SampleTestedBeforeTheOthersArriveLetsTheRequestReachReviewingLater()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Submitted();
        RequestBuilder.ReceiveIntact(request, request.Samples[0]);
        request.RecordResult(request.Samples[0].Analyses[0], 6, LabDay.Analyst, LabDay.Later(30));
        Assert.Equal(RequestStatus.Submitted, request.Status);

        RequestBuilder.ReceiveIntact(request, request.Samples[1]);
        Assert.Equal(RequestStatus.Received, request.Status);
        request.RecordResult(request.Samples[1].Analyses[0], 6, LabDay.Analyst, LabDay.Later(40));

        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }

    [Fact]
    public void ResultWhileReviewingIsRefused()
    {
        var request = new RequestBuilder().Reviewing();

        Expect.Refusal("request-not-testing", () => request.RecordResult(request.Analyses.Single(), 6, LabDay.Analyst, LabDay.Later(50)));
    }
}
