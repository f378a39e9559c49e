using Lab.Domain.Requests;

namespace Tests.Domain;

public class AnalysisStart
{
    [Fact]
    public void StartMovesAnalysisSampleAndRequestIntoTesting()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();

        request.StartAnalysis(analysis, LabDay.Later(20));

        Assert.Equal(AnalysisStatus.Running, analysis.Status);
        Assert.Equal(LabDay.Later(20), analysis.StartedAt);
        Assert.Equal(SampleStatus.InTesting, request.Samples[0].Status);
        Assert.Equal(RequestStatus.InTesting, request.Status);
        Assert.Equal(LabDay.Later(20), request.TestingStartedAt);
    }

    [Fact]
    public void StartBeforeReceiptIsRefused()
    {
        var request = new RequestBuilder().Submitted();
        var analysis = request.Analyses.Single();

        Expect.Refusal("sample-not-received", () => request.StartAnalysis(analysis, LabDay.Later(20)));

        Assert.Equal(AnalysisStatus.Pending, analysis.Status);
        Assert.Equal(SampleStatus.Expected, request.Samples[0].Status);
    }

    [Fact]
    public void StartOnADraftIsRefused()
    {
        var request = new RequestBuilder().Draft();

        Expect.Refusal("request-not-testing", () => request.StartAnalysis(request.Analyses.Single(), LabDay.Later(20)));
    }

    [Fact]
    public void StartOnAReceivedSampleOfAPartlyReceivedRequestIsAllowed()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Submitted();
        RequestBuilder.ReceiveIntact(request, request.Samples[0]);
        var red = request.Samples[0].Analyses.Single();

        request.StartAnalysis(red, LabDay.Later(20));

        Assert.Equal(AnalysisStatus.Running, red.Status);
        Assert.Equal(SampleStatus.InTesting, request.Samples[0].Status);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Expect.Refusal("sample-not-received", () => request.StartAnalysis(request.Samples[1].Analyses.Single(), LabDay.Later(20)));
    }

    [Fact]
    public void StartTwiceIsRefused()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();
        request.StartAnalysis(analysis, LabDay.Later(20));

        Expect.Refusal("analysis-start", () => request.StartAnalysis(analysis, LabDay.Later(21)));
        Assert.Equal(LabDay.Later(20), analysis.StartedAt);
    }

    [Fact]
    public void StartAfterAResultIsRefused()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph, MethodBuilder.PassFailInspection()).Received();
        var analysis = request.Analyses.First();
        RequestBuilder.RecordPassingResult(request, analysis);

        Expect.Refusal("analysis-start", () => request.StartAnalysis(analysis, LabDay.Later(40)));
    }

    [Fact]
    public void StartWhileReviewingOrIssuedIsRefused()
    {
        var reviewing = new RequestBuilder().Reviewing();
        var issued = new RequestBuilder().Issued();

        Expect.Refusal("request-not-testing", () => reviewing.StartAnalysis(reviewing.Analyses.Single(), LabDay.Later(50)));
        Expect.Refusal("request-not-testing", () => issued.StartAnalysis(issued.Analyses.Single(), LabDay.Later(90)));
    }

    [Fact]
    public void AnalysisOfAnotherRequestIsRefused()
    {
        var request = new RequestBuilder().Received();
        var other = new RequestBuilder().Received();

        Expect.Refusal("analysis-unknown", () => request.StartAnalysis(other.Analyses.Single(), LabDay.Later(20)));
        Expect.Refusal("analysis-unknown", () => request.FailAnalysis(other.Analyses.Single(), "x"));
        Expect.Refusal("analysis-unknown", () => request.RecordResult(other.Analyses.Single(), 6, LabDay.Analyst, LabDay.Later(20)));
        Expect.Refusal("analysis-unknown", () => request.VerifyAnalysis(other.Analyses.Single(), LabDay.Reviewer, LabDay.Later(20)));
        Expect.Refusal("analysis-unknown", () => request.RetractAnalysis(other.Analyses.Single(), "x"));
    }

    [Fact]
    public void FailRecordsWhyARunningAnalysisFailed()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();
        request.StartAnalysis(analysis, LabDay.Later(20));

        request.FailAnalysis(analysis, "Power cut during the run");

        Assert.Equal(AnalysisStatus.Failed, analysis.Status);
        Assert.Equal("Power cut during the run", analysis.FailureReason);
        Assert.Equal(RequestStatus.InTesting, request.Status);
    }

    [Fact]
    public void FailIsRefusedUnlessRunning()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();

        Expect.Refusal("analysis-fail", () => request.FailAnalysis(analysis, "Not started"));

        request.StartAnalysis(analysis, LabDay.Later(20));
        request.FailAnalysis(analysis, "Power cut");
        Expect.Refusal("analysis-fail", () => request.FailAnalysis(analysis, "Twice"));
        Assert.Equal("Power cut", analysis.FailureReason);
    }

    [Fact]
    public void FailWithoutAReasonIsRefused()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();
        request.StartAnalysis(analysis, LabDay.Later(20));

        Expect.Refusal("required", () => request.FailAnalysis(analysis, " "));
        Assert.Equal(AnalysisStatus.Running, analysis.Status);
    }

    [Fact]
    public void FailedAnalysisCanBeRestarted()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();
        request.StartAnalysis(analysis, LabDay.Later(20));
        request.FailAnalysis(analysis, "Power cut");

        request.StartAnalysis(analysis, LabDay.Later(80));

        Assert.Equal(AnalysisStatus.Running, analysis.Status);
        Assert.Equal(LabDay.Later(80), analysis.StartedAt);
        Assert.Null(analysis.FailureReason);
    }

    [Fact]
    public void FailedAnalysisTakesNoResultUntilRestarted()
    {
        var request = new RequestBuilder().Received();
        var analysis = request.Analyses.Single();
        request.StartAnalysis(analysis, LabDay.Later(20));
        request.FailAnalysis(analysis, "Power cut");

        Expect.Refusal("analysis-record-a-result-for", () => request.RecordResult(analysis, 6.0, LabDay.Analyst, LabDay.Later(30)));
        Assert.Equal(RequestStatus.InTesting, request.Status);

        request.StartAnalysis(analysis, LabDay.Later(80));
        request.RecordResult(analysis, 6.0, LabDay.Analyst, LabDay.Later(90));
        Assert.Equal(RequestStatus.Reviewing, request.Status);
    }
}
