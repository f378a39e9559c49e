using Lab.Domain.Common;
using Tests.Domain;
using Web.Barcodes;

namespace Tests.Barcodes;

/// <summary>A label cannot carry a sample barcode whose check character is wrong, however it is made.</summary>
public class LabelContentRules
{
    [Fact]
    public void RefusesABarcodeWithAWrongCheckCharacter()
    {
        var barcode = LabelSamples.Barcode(123);
        var wrong = barcode[..^1] + (barcode[^1] == '0' ? '1' : '0');

        var ex = Assert.Throws<DomainException>(() => new LabelContent(wrong, LabelSamples.RequestNumber, "伞", LabelSamples.Date));

        Assert.Equal("barcode-invalid", ex.Code);
    }

    [Fact]
    public void RefusesAWrongBarcodeSetThroughWith()
    {
        var label = LabelSamples.Label();

        Assert.Throws<DomainException>(() => label with { Barcode = "S2026-000123-0" });
        Assert.Throws<DomainException>(() => label with { Barcode = "WT2026-00042" });
    }

    [Theory]
    [InlineData("S2026-000124")]
    [InlineData("")]
    [InlineData("S2026-00012-3")]
    public void RefusesWhatIsNotASampleBarcode(string text)
    {
        Assert.Throws<DomainException>(() => new LabelContent(text, LabelSamples.RequestNumber, "伞", LabelSamples.Date));
    }

    [Fact]
    public void KeepsTheCanonicalBarcodeAndSingleLineTexts()
    {
        var barcode = LabelSamples.Barcode(123);

        var label = new LabelContent($"  {barcode.ToLowerInvariant()} ", " WT2026-00042 ", "儿童\n直杆  晴雨伞\t", LabelSamples.Date, "  ");

        Assert.Equal(barcode, label.Barcode);
        Assert.Equal("WT2026-00042", label.RequestNumber);
        Assert.Equal("儿童 直杆 晴雨伞", label.SampleName);
        Assert.Null(label.Caption);
    }

    [Fact]
    public void RefusesAnEmptySampleName()
    {
        Assert.Throws<ArgumentException>(() => new LabelContent(LabelSamples.Barcode(1), LabelSamples.RequestNumber, " ", LabelSamples.Date));
    }

    [Fact]
    public void MakesOneLabelPerSampleOfASubmittedRequest()
    {
        var method = new MethodBuilder().Build();
        var request = new RequestBuilder().WithSample("儿童直杆晴雨伞", 3, method).WithSample("折叠伞", 3, method).WithSample("伞面布", 2, method).Submitted();

        var labels = LabelContent.ForRequest(request, LabelSamples.Date);

        Assert.Equal(request.Samples.Select(s => s.Barcode), labels.Select(l => l.Barcode));
        Assert.All(labels, l => Assert.Equal(request.Number, l.RequestNumber));
        Assert.Equal(["1/3", "2/3", "3/3"], labels.Select(l => l.Caption));
        Assert.Equal(request.Samples.Select(s => s.Name), labels.Select(l => l.SampleName));
    }

    [Fact]
    public void RefusesADraftRequest()
    {
        var draft = new RequestBuilder().Draft();

        Assert.Equal("request-not-submitted", Assert.Throws<DomainException>(() => LabelContent.ForRequest(draft, LabelSamples.Date)).Code);
    }
}
