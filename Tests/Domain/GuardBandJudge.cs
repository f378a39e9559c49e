using Lab.Domain.Catalog;

namespace Tests.Domain;

/// <summary>
/// ILAC-G8 guard band of width U: pass only when value ± U lies wholly inside the limit, fail only when it lies
/// wholly outside; otherwise inconclusive.
/// </summary>
public class GuardBandJudge
{
    private const DecisionRule Guard = DecisionRule.GuardBand;

    [Theory]
    [InlineData(43.0, Verdict.Pass)]
    [InlineData(42.0, Verdict.Pass)]          // 42 - 2 = 40: the interval just reaches the limit
    [InlineData(41.9, Verdict.Inconclusive)]
    [InlineData(40.0, Verdict.Inconclusive)]
    [InlineData(38.1, Verdict.Inconclusive)]
    [InlineData(38.0, Verdict.Inconclusive)]  // 38 + 2 = 40: still touches the limit
    [InlineData(37.9, Verdict.Fail)]
    public void MinAroundItsLowerValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Min(40).Judge(value, Guard, 2));

    [Theory]
    [InlineData(72.0, Verdict.Pass)]
    [InlineData(73.0, Verdict.Pass)]
    [InlineData(73.1, Verdict.Inconclusive)]
    [InlineData(75.0, Verdict.Inconclusive)]
    [InlineData(77.0, Verdict.Inconclusive)]
    [InlineData(77.1, Verdict.Fail)]
    public void MaxAroundItsUpperValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Max(75).Judge(value, Guard, 2));

    [Theory]
    [InlineData(3.7, Verdict.Fail)]
    [InlineData(3.8, Verdict.Inconclusive)]
    [InlineData(3.9, Verdict.Inconclusive)]
    [InlineData(4.1, Verdict.Inconclusive)]
    [InlineData(4.2, Verdict.Pass)]
    [InlineData(6.0, Verdict.Pass)]
    [InlineData(8.3, Verdict.Pass)]
    [InlineData(8.4, Verdict.Inconclusive)]
    [InlineData(8.7, Verdict.Inconclusive)]
    [InlineData(8.8, Verdict.Fail)]
    public void RangeAroundBothBounds(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Range(4.0, 8.5).Judge(value, Guard, 0.2));

    [Theory]
    [InlineData(0.2, Verdict.Pass)]          // 0.2 + 0.1 = 0.3 exactly in decimal, 0.30000000000000004 in binary
    [InlineData(0.4, Verdict.Inconclusive)]  // 0.4 - 0.1 = 0.3 touches the limit: not wholly outside
    [InlineData(0.5, Verdict.Fail)]
    public void EdgeOfTheBandIsJudgedOnTheDecimalValuesAsReported(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Max(0.3).Judge(value, Guard, 0.1));

    [Theory]
    [InlineData(40.3, Verdict.Pass)]
    [InlineData(39.7, Verdict.Inconclusive)]
    [InlineData(39.6, Verdict.Fail)]
    public void EdgeOfTheBandAtAMinimum(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Min(40).Judge(value, Guard, 0.3));

    [Theory]
    [InlineData(38.0, Verdict.Fail)]          // 38 + 2 = 40 does not reach above an exclusive 40
    [InlineData(38.1, Verdict.Inconclusive)]
    [InlineData(42.0, Verdict.Inconclusive)]  // 42 - 2 = 40 is not above an exclusive 40
    [InlineData(42.1, Verdict.Pass)]
    public void ExclusiveMinNeedsTheWholeIntervalStrictlyAbove(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Min(40, exclusive: true).Judge(value, Guard, 2));

    [Theory]
    [InlineData(77.0, Verdict.Fail)]
    [InlineData(76.9, Verdict.Inconclusive)]
    [InlineData(73.0, Verdict.Inconclusive)]
    [InlineData(72.9, Verdict.Pass)]
    public void ExclusiveMaxNeedsTheWholeIntervalStrictlyBelow(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Max(75, exclusive: true).Judge(value, Guard, 2));

    [Theory]
    [InlineData(39.9, Verdict.Fail)]
    [InlineData(40.0, Verdict.Pass)]
    public void WithoutAKnownUncertaintyItIsSimpleAcceptance(double value, Verdict expected)
    {
        Assert.Equal(expected, SpecLimit.Min(40).Judge(value, Guard, uncertainty: null));
        Assert.Equal(expected, SpecLimit.Min(40).Judge(value, Guard, uncertainty: 0));
    }
}
