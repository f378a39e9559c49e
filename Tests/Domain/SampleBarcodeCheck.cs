using Lab.Domain.Numbering;

namespace Tests.Domain;

/// <summary>
/// The check character must catch what people and scanners actually get wrong: one wrong character, or two
/// neighbouring characters swapped. Either way the code must be refused, never matched to another sample.
/// </summary>
public class SampleBarcodeCheck
{
    private const string Characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";

    public static TheoryData<int, long> Barcodes => new()
    {
        { 2026, 1 },
        { 2026, 42 },
        { 2026, 100 }, // with the former MOD 37,36 check, S2026-001000 read as valid for this one
        { 2026, 123 },
        { 2027, 999999 },
        { 2030, 1234567 },
    };

    [Theory]
    [MemberData(nameof(Barcodes))]
    public void GeneratedBarcodeReadsBackValid(int year, long sequence)
    {
        var barcode = Numbers.SampleBarcode(year, sequence);

        var reading = Numbers.ReadSampleBarcode(barcode);

        Assert.True(reading.IsValid);
        Assert.Null(reading.Problem);
        Assert.Equal(barcode, reading.Barcode);
        Assert.True(Numbers.IsValidSampleBarcode(barcode));
    }

    [Theory]
    [MemberData(nameof(Barcodes))]
    public void EverySingleCharacterSubstitutionIsRefused(int year, long sequence)
    {
        var barcode = Numbers.SampleBarcode(year, sequence);
        var tried = 0;
        for (var i = 0; i < barcode.Length; i++)
        {
            foreach (var c in Characters.Where(c => c != barcode[i]))
            {
                var typo = barcode[..i] + c + barcode[(i + 1)..];
                var reading = Numbers.ReadSampleBarcode(typo);
                Assert.False(reading.IsValid, $"{typo} was accepted for {barcode}");
                Assert.Null(reading.Barcode);
                tried++;
            }
        }
        Assert.Equal(barcode.Length * (Characters.Length - 1), tried);
    }

    [Theory]
    [MemberData(nameof(Barcodes))]
    public void EverySubstitutionOfADigitByADigitFailsTheCheckCharacter(int year, long sequence)
    {
        // A digit for a digit keeps the shape of a barcode, so only the check character can catch it.
        var barcode = Numbers.SampleBarcode(year, sequence);
        for (var i = 0; i < barcode.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(barcode[i])) continue;
            foreach (var d in "0123456789".Where(d => d != barcode[i]))
            {
                var typo = barcode[..i] + d + barcode[(i + 1)..];
                Assert.Equal(BarcodeProblem.WrongCheckCharacter, Numbers.ReadSampleBarcode(typo).Problem);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Barcodes))]
    public void EverySwapOfDifferentNeighbouringCharactersIsRefused(int year, long sequence)
    {
        var barcode = Numbers.SampleBarcode(year, sequence);
        var tried = 0;
        for (var i = 0; i < barcode.Length - 1; i++)
        {
            if (barcode[i] == barcode[i + 1]) continue;
            var swapped = barcode[..i] + barcode[i + 1] + barcode[i] + barcode[(i + 2)..];
            Assert.False(Numbers.IsValidSampleBarcode(swapped), $"{swapped} was accepted for {barcode}");
            tried++;
        }
        Assert.True(tried > 5);
    }

    [Fact]
    public void NoSwapOfNeighbouringDigitsGoesUnnoticedInAYearOfSamples()
    {
        for (var sequence = 1; sequence <= 20_000; sequence++)
        {
            var barcode = Numbers.SampleBarcode(2026, sequence);
            for (var i = 1; i < barcode.Length - 3; i++)
            {
                if (barcode[i] == barcode[i + 1] || !char.IsAsciiDigit(barcode[i]) || !char.IsAsciiDigit(barcode[i + 1])) continue;
                var swapped = barcode[..i] + barcode[i + 1] + barcode[i] + barcode[(i + 2)..];
                Assert.False(Numbers.IsValidSampleBarcode(swapped), $"{swapped} was accepted for {barcode}");
            }
        }
    }

    [Fact]
    public void LowerCaseAndSurroundingSpacesAreAccepted()
    {
        var barcode = Numbers.SampleBarcode(2026, 42);

        var reading = Numbers.ReadSampleBarcode("  " + barcode.ToLowerInvariant() + " \t");

        Assert.True(reading.IsValid);
        Assert.Equal(barcode, reading.Barcode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")]
    [InlineData("WT2026-00042")]
    [InlineData("S2026-00042-X")]
    [InlineData("S26-000042-X")]
    [InlineData("S2026000042X")]
    [InlineData("S2026-000042-")]
    [InlineData("S2026-000042-XY")]
    [InlineData("S2026 -000042-X")]
    public void GarbageIsNotABarcode(string? text)
    {
        var reading = Numbers.ReadSampleBarcode(text);

        Assert.Equal(BarcodeProblem.NotABarcode, reading.Problem);
        Assert.False(reading.IsValid);
        Assert.Null(reading.Barcode);
    }

    [Fact]
    public void BarcodeWithTheWrongCheckCharacterSaysSo()
    {
        var barcode = Numbers.SampleBarcode(2026, 42);
        var wrong = barcode[..^1] + (barcode[^1] == '0' ? '1' : '0');

        Assert.Equal(BarcodeProblem.WrongCheckCharacter, Numbers.ReadSampleBarcode(wrong).Problem);
    }

    [Fact]
    public void CheckCharacterRefusesCharactersOutsideTheAlphabet() =>
        Assert.Throws<ArgumentException>(() => Numbers.CheckCharacter("S2026_000042"));
}
