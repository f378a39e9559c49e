using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class RequestAmendment
{
    private static TestRequest Issued() => new RequestBuilder().Issued();

    [Fact]
    public void AnAmendmentReopensReviewAndKeepsTheReasonUntilTheNextIssue()
    {
        var request = Issued();

        request.OpenAmendment("Brand name misspelt on the report", "sign.li", LabDay.Later(120));

        Assert.Equal(RequestStatus.Reviewing, request.Status);
        Assert.True(request.IsBeingAmended);
        Assert.True(request.IsReadyForApproval); // nothing to retest: the signatory may approve again at once
        Assert.All(request.Samples, s => Assert.Equal(SampleStatus.Retained, s.Status));

        var reason = request.MarkIssued(LabDay.Later(130), LabDay.Today.AddDays(95));

        Assert.Equal("Brand name misspelt on the report", reason);
        Assert.Equal(RequestStatus.Issued, request.Status);
        Assert.False(request.IsBeingAmended);
        Assert.All(request.Samples, s => Assert.Equal(LabDay.Today.AddDays(95), s.RetainUntil));
    }

    [Fact]
    public void AnAmendmentCanRetestARetainedSample()
    {
        var request = Issued();
        request.OpenAmendment("Result transcribed wrongly", "sign.li", LabDay.Later(120));
        var old = request.CurrentAnalyses.Single();

        var retest = request.RetractAnalysis(old, "Transcription error");
        Assert.Equal(RequestStatus.InTesting, request.Status);
        request.StartAnalysis(retest, LabDay.Later(125));
        Assert.Equal(SampleStatus.InTesting, request.Samples[0].Status);
        RequestBuilder.RecordPassingResult(request, retest);
        Assert.Equal(RequestStatus.Reviewing, request.Status);
        request.VerifyAnalysis(retest, LabDay.Reviewer, LabDay.Later(127));

        Assert.Equal("Result transcribed wrongly", request.MarkIssued(LabDay.Later(130), LabDay.Today.AddDays(90)));
        Assert.Equal(SampleStatus.Retained, request.Samples[0].Status);
        Assert.Equal(AnalysisStatus.Retracted, old.Status); // the retracted result stays on record
    }

    [Fact]
    public void OnlyAnIssuedRequestCanBeAmended()
    {
        Expect.Refusal("request-not-issued", () => new RequestBuilder().Verified().OpenAmendment("x", "sign.li", LabDay.Later(1)));
        var request = Issued();
        request.OpenAmendment("first", "sign.li", LabDay.Later(120));
        Expect.Refusal("request-not-issued", () => request.OpenAmendment("second", "sign.li", LabDay.Later(121)));
        Expect.Refusal("required", () => Issued().OpenAmendment(" ", "sign.li", LabDay.Later(1)));
    }

    [Fact]
    public void AnIssueWithoutAmendmentReturnsNoReason() =>
        Assert.Null(new RequestBuilder().Verified().MarkIssued(LabDay.Later(60), LabDay.Today.AddDays(90)));
}

public class Subcontracting
{
    [Fact]
    public void ASubcontractedMethodIsBookedOnlyWithTheCustomersConsentAndMarkedOnTheAnalysis()
    {
        var method = new MethodBuilder().Build();
        method.SubcontractTo("合作实验室 Partner lab");
        var request = new RequestBuilder().WithSample("Red", 1, method).Draft();

        Expect.Refusal("subcontracting-not-agreed", () => RequestBuilder.Submit(request));
        Assert.Equal(RequestStatus.Draft, request.Status);

        request.SetTerms(DecisionRule.SimpleAcceptance, Urgency.Normal, ReportLanguage.Zh, SampleDisposal.Dispose, subcontractingAllowed: true, null, []);
        RequestBuilder.Submit(request);
        Assert.Equal("合作实验室 Partner lab", request.Analyses.Single().Subcontractor);
    }
}
