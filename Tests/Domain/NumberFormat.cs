using Lab.Domain.Common;
using Lab.Domain.Numbering;

namespace Tests.Domain;

public class NumberFormat
{
    [Theory]
    [InlineData(NumberKind.Request, 2026, 42, "WT2026-00042")]
    [InlineData(NumberKind.Request, 2026, 1, "WT2026-00001")]
    [InlineData(NumberKind.Request, 2027, 99999, "WT2027-99999")]
    [InlineData(NumberKind.Report, 2026, 42, "BG2026-00042")]
    [InlineData(NumberKind.Report, 2026, 123456, "BG2026-123456")]
    public void RequestAndReportNumbersArePrefixYearAndPaddedSequence(NumberKind kind, int year, long sequence, string expected) =>
        Assert.Equal(expected, Numbers.Format(kind, year, sequence));

    [Fact]
    public void SampleNumberIsTheBarcodeWithItsCheckCharacter()
    {
        var number = Numbers.Format(NumberKind.Sample, 2026, 123);

        Assert.Equal(Numbers.SampleBarcode(2026, 123), number);
        Assert.StartsWith("S2026-000123-", number, StringComparison.Ordinal);
        Assert.Equal(14, number.Length);
        Assert.Equal(Numbers.CheckCharacter("S2026-000123"), number[^1]);
    }

    [Theory]
    [InlineData(NumberKind.Request, "WT2026-")]
    [InlineData(NumberKind.Report, "BG2026-")]
    [InlineData(NumberKind.Sample, "S2026-")]
    public void PrefixNamesTheKindAndYear(NumberKind kind, string expected) =>
        Assert.Equal(expected, Numbers.Prefix(kind, 2026));

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(10000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -5)]
    public void YearOrSequenceOutOfRangeIsRefused(int year, long sequence)
    {
        foreach (var kind in Enum.GetValues<NumberKind>())
            Assert.Throws<ArgumentOutOfRangeException>(() => Numbers.Format(kind, year, sequence));
    }

    [Theory]
    [InlineData("WT2026-00042", 2026)]
    [InlineData("BG2025-00001", 2025)]
    [InlineData("S2031-000123-7", 2031)]
    public void YearOfReadsTheYearBack(string number, int expected) =>
        Assert.Equal(expected, Numbers.YearOf(number));

    [Fact]
    public void YearOfEveryFormattedNumberIsItsYear()
    {
        foreach (var kind in Enum.GetValues<NumberKind>())
            Assert.Equal(2027, Numbers.YearOf(Numbers.Format(kind, 2027, 5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-00042")]
    [InlineData("WT26-00042")]
    [InlineData("ABC2026-00042")]
    public void YearOfRefusesWhatIsNotALabNumber(string number) =>
        Expect.Refusal("number-format", () => Numbers.YearOf(number));

    [Fact]
    public void NumbersSortByYearAsPlainStrings()
    {
        foreach (var kind in Enum.GetValues<NumberKind>())
        {
            var issued = new[]
            {
                Numbers.Format(kind, 2027, 1),
                Numbers.Format(kind, 2025, 99999),
                Numbers.Format(kind, 2026, 42),
                Numbers.Format(kind, 2026, 7),
                Numbers.Format(kind, 2025, 3),
            };

            var sorted = issued.Order(StringComparer.Ordinal).ToList();

            Assert.Equal(issued.OrderBy(Numbers.YearOf).ThenBy(n => n, StringComparer.Ordinal), sorted);
            Assert.Equal([2025, 2025, 2026, 2026, 2027], sorted.Select(Numbers.YearOf));
            Assert.Equal(Numbers.Format(kind, 2026, 7), sorted[2]);
        }
    }
}
