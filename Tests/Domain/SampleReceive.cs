using Lab.Domain.Requests;

namespace Tests.Domain;

public class SampleReceive
{
    private static TestRequest TwoSamplesSubmitted()
    {
        var ph = new MethodBuilder().Build();
        return new RequestBuilder().WithSample("Red", 2, ph).WithSample("Blue", 2, ph).Submitted();
    }

    [Fact]
    public void MovesExpectedSampleToReceived()
    {
        var request = TwoSamplesSubmitted();
        var sample = request.Samples[0];

        request.ReceiveSample(sample, " " + LabDay.Receptionist + " ", LabDay.Later(10), 2, SampleCondition.Intact, null);

        Assert.Equal(SampleStatus.Received, sample.Status);
        Assert.Equal((LabDay.Receptionist, LabDay.Later(10), 2), (sample.ReceivedBy, sample.ReceivedAt!.Value, sample.ReceivedQuantity!.Value));
        Assert.Equal(SampleCondition.Intact, sample.ConditionOnReceipt);
        Assert.False(sample.HasDeviation);
    }

    [Fact]
    public void RequestStaysSubmittedUntilTheLastSampleArrives()
    {
        var request = TwoSamplesSubmitted();

        RequestBuilder.ReceiveIntact(request, request.Samples[0]);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.ReceivedAt);
        Assert.Equal(SampleStatus.Expected, request.Samples[1].Status);
    }

    [Fact]
    public void RequestIsReceivedWhenAllSamplesAreIn()
    {
        var request = TwoSamplesSubmitted();
        RequestBuilder.ReceiveIntact(request, request.Samples[0]);

        request.ReceiveSample(request.Samples[1], LabDay.Receptionist, LabDay.Later(15), 2, SampleCondition.Intact, null);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(LabDay.Later(15), request.ReceivedAt);
    }

    [Fact]
    public void ThrowsWhenAlreadyReceived()
    {
        var request = TwoSamplesSubmitted();
        RequestBuilder.ReceiveIntact(request, request.Samples[0]);

        Expect.Refusal("sample-receive", () => RequestBuilder.ReceiveIntact(request, request.Samples[0]));
    }

    [Fact]
    public void ThrowsWhenAlreadyReceivedAfterTheRequestIsReceived()
    {
        var request = new RequestBuilder().Received();

        Expect.Refusal("sample-receive", () => RequestBuilder.ReceiveIntact(request, request.Samples[0]));
        Assert.Equal(RequestStatus.Received, request.Status);
    }

    [Fact]
    public void DraftReceivesNothing()
    {
        var request = new RequestBuilder().Draft();

        Expect.Refusal("request-not-expecting", () => RequestBuilder.ReceiveIntact(request, request.Samples[0]));
        Assert.Equal(SampleStatus.Expected, request.Samples[0].Status);
    }

    [Fact]
    public void SampleOfAnotherRequestIsRefused()
    {
        var request = new RequestBuilder().Submitted();
        var other = new RequestBuilder().Submitted();

        Expect.Refusal("sample-unknown", () => RequestBuilder.ReceiveIntact(request, other.Samples[0]));
    }

    [Theory]
    [InlineData(SampleCondition.Damaged)]
    [InlineData(SampleCondition.WrongQuantity)]
    [InlineData(SampleCondition.Unlabelled)]
    [InlineData(SampleCondition.Other)]
    public void DeviationNeedsANote(SampleCondition condition)
    {
        var request = TwoSamplesSubmitted();
        var sample = request.Samples[0];

        Expect.Refusal("deviation-note", () => request.ReceiveSample(sample, LabDay.Receptionist, LabDay.Later(10), 2, condition, "  "));

        Assert.Equal(SampleStatus.Expected, sample.Status);
    }

    [Fact]
    public void DeviationWithANoteIsReceivedAndFlagged()
    {
        var request = TwoSamplesSubmitted();
        var sample = request.Samples[0];

        request.ReceiveSample(sample, LabDay.Receptionist, LabDay.Later(10), 2, SampleCondition.Damaged, "Canopy torn");

        Assert.Equal(SampleStatus.Received, sample.Status);
        Assert.Equal(SampleCondition.Damaged, sample.ConditionOnReceipt);
        Assert.Equal("Canopy torn", sample.ReceiptNote);
        Assert.True(sample.HasDeviation);
        Assert.True(request.HasDeviation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WrongQuantityReceivedIntactIsMarkedAsADeviation(int received)
    {
        var request = TwoSamplesSubmitted();
        var sample = request.Samples[0];

        request.ReceiveSample(sample, LabDay.Receptionist, LabDay.Later(10), received, SampleCondition.Intact, null);

        Assert.Equal(SampleCondition.WrongQuantity, sample.ConditionOnReceipt);
        Assert.Equal($"{received} received, 2 declared", sample.ReceiptNote);
        Assert.True(request.HasDeviation);
    }

    [Fact]
    public void WrongQuantityKeepsTheReceptionistsOwnNote()
    {
        var request = TwoSamplesSubmitted();
        var sample = request.Samples[0];

        request.ReceiveSample(sample, LabDay.Receptionist, LabDay.Later(10), 1, SampleCondition.Intact, "One umbrella missing from the box");

        Assert.Equal(SampleCondition.WrongQuantity, sample.ConditionOnReceipt);
        Assert.Equal("One umbrella missing from the box", sample.ReceiptNote);
    }

    [Fact]
    public void NegativeQuantityIsRefused()
    {
        var request = TwoSamplesSubmitted();

        Expect.Refusal("sample-quantity", () =>
            request.ReceiveSample(request.Samples[0], LabDay.Receptionist, LabDay.Later(10), -1, SampleCondition.Intact, null));
    }

    [Fact]
    public void ReceiptWithoutAReceptionistIsRefused()
    {
        var request = TwoSamplesSubmitted();

        Expect.Refusal("required", () =>
            request.ReceiveSample(request.Samples[0], " ", LabDay.Later(10), 2, SampleCondition.Intact, null));
        Assert.Equal(SampleStatus.Expected, request.Samples[0].Status);
    }
}
