using Lab.Domain.Requests;

namespace Tests.Domain;

public class RequestIssue
{
    [Fact]
    public void IssueMarksTheRequestIssuedAndRetainsEverySample()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Verified();
        var retainUntil = new DateOnly(2026, 6, 1);

        request.MarkIssued(LabDay.Later(60), retainUntil);

        Assert.Equal(RequestStatus.Issued, request.Status);
        Assert.Equal(LabDay.Later(60), request.IssuedAt);
        Assert.All(request.Samples, s =>
        {
            Assert.Equal(SampleStatus.Retained, s.Status);
            Assert.Equal(retainUntil, s.RetainUntil);
        });
    }

    [Fact]
    public void IssueIsRefusedUntilEveryResultIsVerified()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Reviewing();
        request.VerifyAnalysis(request.Samples[0].Analyses[0], LabDay.Reviewer, LabDay.Later(45));

        Expect.Refusal("request-not-ready", () => request.MarkIssued(LabDay.Later(60), LabDay.Today.AddDays(90)));

        Assert.Equal(RequestStatus.Reviewing, request.Status);
        Assert.All(request.Samples, s => Assert.Equal(SampleStatus.Tested, s.Status));

        request.VerifyAnalysis(request.Samples[1].Analyses[0], LabDay.Reviewer, LabDay.Later(46));
        request.MarkIssued(LabDay.Later(60), LabDay.Today.AddDays(90));
        Assert.Equal(RequestStatus.Issued, request.Status);
    }

    [Fact]
    public void IssueIsRefusedBeforeReview()
    {
        Expect.Refusal("request-not-ready", () => new RequestBuilder().Draft().MarkIssued(LabDay.Later(60), LabDay.Today));
        Expect.Refusal("request-not-ready", () => new RequestBuilder().Submitted().MarkIssued(LabDay.Later(60), LabDay.Today));
        Expect.Refusal("request-not-ready", () => new RequestBuilder().Received().MarkIssued(LabDay.Later(60), LabDay.Today));
    }

    [Fact]
    public void IssueIsRefusedWhileARetestIsOutstanding()
    {
        var request = new RequestBuilder().Verified();
        request.RetractAnalysis(request.Analyses.Single(), "Wrong specimen");

        Expect.Refusal("request-not-ready", () => request.MarkIssued(LabDay.Later(60), LabDay.Today));
    }

    [Fact]
    public void IssueTwiceIsRefused()
    {
        var request = new RequestBuilder().Issued();

        Expect.Refusal("request-not-ready", () => request.MarkIssued(LabDay.Later(120), LabDay.Today.AddDays(180)));
        Assert.Equal(LabDay.Later(60), request.IssuedAt);
    }
}
