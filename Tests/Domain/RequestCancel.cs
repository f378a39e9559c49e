using Lab.Domain.Requests;

namespace Tests.Domain;

public class RequestCancel
{
    [Fact]
    public void DraftCanBeCancelled()
    {
        var request = new RequestBuilder().Draft();

        request.Cancel(" Changed our mind ", LabDay.Later(1));

        Assert.Equal(RequestStatus.Cancelled, request.Status);
        Assert.Equal("Changed our mind", request.CancellationReason);
        Assert.Equal(LabDay.Later(1), request.CancelledAt);
    }

    [Fact]
    public void SubmittedRequestCanBeCancelledBeforeAnySampleArrives()
    {
        var request = new RequestBuilder().Submitted();

        request.Cancel("Samples lost in transit", LabDay.Later(20));

        Assert.Equal(RequestStatus.Cancelled, request.Status);
    }

    [Fact]
    public void CancelIsRefusedOnceOneSampleHasArrived()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Submitted();
        RequestBuilder.ReceiveIntact(request, request.Samples[0]);

        Expect.Refusal("request-cancel", () => request.Cancel("Too late", LabDay.Later(20)));

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.CancellationReason);
    }

    [Fact]
    public void CancelIsRefusedAfterReceiptAndLater()
    {
        Expect.Refusal("request-cancel", () => new RequestBuilder().Received().Cancel("x", LabDay.Later(20)));
        Expect.Refusal("request-cancel", () => new RequestBuilder().Reviewing().Cancel("x", LabDay.Later(20)));
        Expect.Refusal("request-cancel", () => new RequestBuilder().Issued().Cancel("x", LabDay.Later(90)));
    }

    [Fact]
    public void CancelTwiceIsRefused()
    {
        var request = new RequestBuilder().Submitted();
        request.Cancel("Once", LabDay.Later(1));

        Expect.Refusal("request-cancel-status", () => request.Cancel("Twice", LabDay.Later(2)));
        Assert.Equal("Once", request.CancellationReason);
    }

    [Fact]
    public void CancelWithoutAReasonIsRefused()
    {
        var request = new RequestBuilder().Submitted();

        Expect.Refusal("required", () => request.Cancel("", LabDay.Later(1)));
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void CancelledRequestReceivesNoSamples()
    {
        var request = new RequestBuilder().Submitted();
        request.Cancel("Withdrawn by client", LabDay.Later(1));

        Expect.Refusal("request-not-expecting", () => RequestBuilder.ReceiveIntact(request, request.Samples[0]));
    }
}
