using Lab.Domain.Numbering;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class RequestSubmit
{
    [Fact]
    public void SubmitAssignsTheNumberBarcodesTotalAndDueDate()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 2, ph).Draft();
        var barcodes = RequestBuilder.Barcodes(2, firstSequence: 41);

        request.Submit("WT2026-00042", barcodes, 240m, new DateOnly(2026, 3, 9), LabDay.Later(5));

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal("WT2026-00042", request.Number);
        Assert.Equal([Numbers.SampleBarcode(2026, 41), Numbers.SampleBarcode(2026, 42)], request.Samples.Select(s => s.Barcode));
        Assert.Equal(240m, request.TotalCny);
        Assert.Equal(new DateOnly(2026, 3, 9), request.DueDate);
        Assert.Equal(LabDay.Later(5), request.SubmittedAt);
        Assert.All(request.Samples, s => Assert.Equal(SampleStatus.Expected, s.Status));
    }

    [Fact]
    public void SubmitWithTheSameBarcodeTwiceIsRefused()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Draft();
        var barcode = Numbers.SampleBarcode(2026, 7);

        Expect.Refusal("barcode-duplicate", () => request.Submit("WT2026-00042", [barcode, barcode], 0m, LabDay.Today, LabDay.Now));
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.All(request.Samples, s => Assert.Null(s.Barcode));
    }

    [Fact]
    public void FindSampleAcceptsABarcodeAsTypedInLowerCaseWithSpaces()
    {
        var request = new RequestBuilder().WithSample("Red", 1, new MethodBuilder().Build()).Draft();
        RequestBuilder.Submit(request);
        var barcode = request.Samples[0].Barcode!;

        Assert.Same(request.Samples[0], request.FindSample("  " + barcode.ToLowerInvariant() + " "));
    }

    [Fact]
    public void SubmitWithoutSamplesIsRefused()
    {
        var request = new TestRequest(7, LabDay.Clerk, LabDay.Now);

        Expect.Refusal("request-no-samples", () => request.Submit("WT2026-00042", [], 0m, LabDay.Today, LabDay.Now));
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void SubmitWithASampleWithoutMethodsNamesTheSample()
    {
        var request = new RequestBuilder().WithSample("Red", 1, new MethodBuilder().Build()).WithSample("Blue", 1).Draft();

        var ex = Expect.Refusal("sample-no-methods", () => RequestBuilder.Submit(request));

        Assert.Contains("Blue", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void SubmitWithTooFewItemsNamesTheMethodAndTheQuantityItNeeds()
    {
        var wind = new MethodBuilder().Code("UMB-WIND").NeedingSamples(3).Build();
        var request = new RequestBuilder().WithSample("Folding umbrella", 2, new MethodBuilder().Code("UMB-PH").Build(), wind).Draft();

        var ex = Expect.Refusal("sample-quantity-short", () => RequestBuilder.Submit(request));

        Assert.Contains("UMB-WIND needs 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Folding umbrella", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 declared", ex.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void SubmitWithExactlyTheQuantityNeededIsAccepted()
    {
        var wind = new MethodBuilder().Code("UMB-WIND").NeedingSamples(3).Build();
        var request = new RequestBuilder().WithSample("Folding umbrella", 3, wind).Draft();

        RequestBuilder.Submit(request);

        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SubmitWithTheWrongNumberOfBarcodesIsRefused(int count)
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Draft();

        Expect.Refusal("barcode-count", () =>
            request.Submit("WT2026-00042", RequestBuilder.Barcodes(count), 0m, LabDay.Today, LabDay.Now));

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.All(request.Samples, s => Assert.Null(s.Barcode));
    }

    [Fact]
    public void SubmitWithANegativeTotalIsRefused()
    {
        var request = new RequestBuilder().Draft();

        Expect.Refusal("price", () => request.Submit("WT2026-00042", RequestBuilder.Barcodes(1), -1m, LabDay.Today, LabDay.Now));
    }

    [Fact]
    public void SubmitWithAnInvalidBarcodeLeavesTheDraftUntouchedSoItCanBeSubmittedAgain()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Draft();
        var good = Numbers.SampleBarcode(2026, 1);
        var mistyped = Numbers.SampleBarcode(2026, 2)[..^1] + "?";

        Expect.Refusal("barcode-invalid", () => request.Submit("WT2026-00042", [good, mistyped], 0m, LabDay.Today, LabDay.Now));

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.Number);
        Assert.All(request.Samples, s => Assert.Null(s.Barcode));

        RequestBuilder.Submit(request);
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void SubmitAtALocalTimeLeavesTheDraftUntouched()
    {
        var request = new RequestBuilder().Draft();

        Expect.Refusal("not-utc", () => request.Submit("WT2026-00042", RequestBuilder.Barcodes(1), 0m, LabDay.Today,
            DateTime.SpecifyKind(LabDay.Now, DateTimeKind.Local)));

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.Samples[0].Barcode);
    }

    [Fact]
    public void SubmitWithoutANumberIsRefused()
    {
        var request = new RequestBuilder().Draft();

        Expect.Refusal("required", () => request.Submit(" ", RequestBuilder.Barcodes(1), 0m, LabDay.Today, LabDay.Now));
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void FindSampleLocatesASubmittedSampleByItsBarcode()
    {
        var ph = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("Red", 1, ph).WithSample("Blue", 1, ph).Submitted();

        Assert.Equal("Blue", request.FindSample(Numbers.SampleBarcode(2026, 2)).Name);
        Expect.Refusal("sample-unknown", () => request.FindSample(Numbers.SampleBarcode(2026, 3)));
    }
}
