using Lab.Domain.Custody;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ScanCodes
{
    [Fact]
    public void SpecimenAndLocationCodesCarryTheirOwnCheckCharacter()
    {
        var sample = Numbers.SampleBarcode(2026, 123);
        var specimen = Numbers.SpecimenBarcode(sample, 2);

        Assert.StartsWith("S2026-000123-02-", specimen, StringComparison.Ordinal);
        Assert.Equal(new ScanReading(ScanKind.Specimen, specimen, null), Numbers.ReadScan(" " + specimen.ToLowerInvariant()));
        Assert.Equal(sample, Numbers.SampleOfSpecimen(specimen));
        Assert.Equal(ScanKind.Sample, Numbers.ReadScan(sample).Kind);
        var location = Numbers.LocationBarcode(7);
        Assert.Matches(@"^L-0007-[0-9X]$", location);
        Assert.Equal(ScanKind.Location, Numbers.ReadScan(location).Kind);
    }

    [Fact]
    public void EveryMistypedDigitOfASpecimenOrLocationCodeIsRefused()
    {
        foreach (var code in new[] { Numbers.SpecimenBarcode(Numbers.SampleBarcode(2026, 4711), 3), Numbers.LocationBarcode(42) })
            for (var i = 0; i < code.Length; i++)
            {
                if (!char.IsAsciiDigit(code[i])) continue;
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == code[i]) continue;
                    var typo = code[..i] + d + code[(i + 1)..];
                    var reading = Numbers.ReadScan(typo);
                    Assert.False(reading.IsValid, $"{typo} (from {code}) was accepted");
                    Assert.Equal(BarcodeProblem.WrongCheckCharacter, reading.Problem);
                }
            }
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("S2026-12-1")]
    [InlineData("L-12-3")]
    public void SomethingThatIsNoLabCodeIsSaidToBeSo(string text) =>
        Assert.Equal(BarcodeProblem.NotABarcode, Numbers.ReadScan(text).Problem);
}

public class SampleCustody
{
    private static readonly StorageLocation Desk = new(Numbers.LocationBarcode(1), "Reception desk", LocationKind.Room, isReceptionDesk: true);
    private static readonly StorageLocation Shelf = new(Numbers.LocationBarcode(2), "Shelf A", LocationKind.Shelf);

    [Fact]
    public void ReceivingAtADeskPlacesTheSampleThere()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, new MethodBuilder().Build()).Submitted();
        var sample = request.Samples[0];

        request.ReceiveSample(sample, LabDay.Clerk, LabDay.Later(1), 1, SampleCondition.Intact, null, Desk);

        Assert.Equal(Desk.Barcode, sample.LocationBarcode);
        Assert.Null(sample.Holder);
        Assert.False(request.CustomerConsultationNeeded);
    }

    [Fact]
    public void MovingAndHandingOverFollowTheSample()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, new MethodBuilder().Build()).Received();
        var sample = request.Samples[0];

        request.MoveSample(sample, Shelf);
        Assert.Equal(("Shelf A", (string?)null), (sample.LocationName, sample.Holder));
        request.HandSampleTo(sample, LabDay.Analyst);
        Assert.Equal(((string?)null, LabDay.Analyst), (sample.LocationName, sample.Holder));
    }

    [Fact]
    public void AnExpectedSampleCannotBeMoved()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, new MethodBuilder().Build()).Submitted();

        Expect.Refusal("sample-move", () => request.MoveSample(request.Samples[0], Shelf));
    }

    [Fact]
    public void DividingGivesNumberedSpecimensWithChildBarcodes()
    {
        var request = new RequestBuilder().WithSample("Canopy", 1, new MethodBuilder().Build()).Received();
        var sample = request.Samples[0];
        request.MoveSample(sample, Shelf);

        var first = request.DivideSample(sample, 3, "50 × 200 mm strip", LabDay.Later(2));
        var more = request.DivideSample(sample, 2, null, LabDay.Later(3));

        Assert.Equal([1, 2, 3, 4, 5], sample.Specimens.Select(s => s.Number));
        Assert.All(sample.Specimens, s => Assert.Equal(sample.Barcode, Numbers.SampleOfSpecimen(s.Barcode)));
        Assert.All(first, s => Assert.Equal("Shelf A", s.LocationName));
        Assert.Equal(2, more.Count);
        Assert.Equal(5, sample.Specimens.Select(s => s.Barcode).Distinct().Count());
    }

    [Fact]
    public void ASampleNotYetReceivedCannotBeDivided()
    {
        var request = new RequestBuilder().WithSample("Canopy", 1, new MethodBuilder().Build()).Submitted();

        Expect.Refusal("sample-divide", () => request.DivideSample(request.Samples[0], 2, null, LabDay.Later(1)));
    }

    [Fact]
    public void ADeviationOnReceiptOpensAQuestionForTheCustomerUntilItIsAnswered()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 2, new MethodBuilder().Build()).Submitted();

        request.ReceiveSample(request.Samples[0], LabDay.Clerk, LabDay.Later(1), 1, SampleCondition.Intact, null);

        Assert.True(request.CustomerConsultationNeeded);
        Assert.Equal(SampleCondition.WrongQuantity, request.Samples[0].ConditionOnReceipt);
        request.RecordConsultation("Customer: test the one umbrella received");
        Assert.False(request.CustomerConsultationNeeded);
        Expect.Refusal("consultation-not-needed", () => request.RecordConsultation("again"));
    }
}
