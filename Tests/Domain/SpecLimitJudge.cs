using Lab.Domain.Catalog;

namespace Tests.Domain;

/// <summary>Simple acceptance: the measured value against the limit, uncertainty not taken into account.</summary>
public class SpecLimitJudge
{
    [Theory]
    [InlineData(39.9, Verdict.Fail)]
    [InlineData(40.0, Verdict.Pass)]
    [InlineData(40.1, Verdict.Pass)]
    public void MinPassesAtAndAboveItsLowerValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Min(40).Judge(value));

    [Theory]
    [InlineData(40.0, Verdict.Fail)]
    [InlineData(40.1, Verdict.Pass)]
    public void ExclusiveMinFailsAtItsLowerValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Min(40, exclusive: true).Judge(value));

    [Theory]
    [InlineData(74.9, Verdict.Pass)]
    [InlineData(75.0, Verdict.Pass)]
    [InlineData(75.1, Verdict.Fail)]
    public void MaxPassesAtAndBelowItsUpperValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Max(75).Judge(value));

    [Theory]
    [InlineData(74.9, Verdict.Pass)]
    [InlineData(75.0, Verdict.Fail)]
    public void ExclusiveMaxFailsAtItsUpperValue(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Max(75, exclusive: true).Judge(value));

    [Theory]
    [InlineData(3.9, Verdict.Fail)]
    [InlineData(4.0, Verdict.Pass)]
    [InlineData(6.0, Verdict.Pass)]
    [InlineData(8.5, Verdict.Pass)]
    [InlineData(8.6, Verdict.Fail)]
    public void RangeIncludesBothBounds(double value, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.Range(4.0, 8.5).Judge(value));

    [Theory]
    [InlineData(2.5, Verdict.Fail)]
    [InlineData(3.0, Verdict.Pass)]
    [InlineData(3.5, Verdict.Pass)]
    [InlineData(5.0, Verdict.Pass)]
    public void GradePassesAtOrAboveTheLowestAcceptableGrade(double grade, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.MinGrade(3).Judge(grade));

    [Fact]
    public void GradeIgnoresUncertaintyEvenUnderGuardBand()
    {
        // A grade is read off a scale: half a grade of "uncertainty" must not make grade 3 inconclusive.
        Assert.Equal(Verdict.Pass, SpecLimit.MinGrade(3).Judge(3, DecisionRule.GuardBand, 0.5));
        Assert.Equal(Verdict.Fail, SpecLimit.MinGrade(3).Judge(2.5, DecisionRule.GuardBand, 0.5));
    }

    [Fact]
    public void SimpleAcceptanceIgnoresTheUncertainty()
    {
        Assert.Equal(Verdict.Pass, SpecLimit.Min(40).Judge(40.1, DecisionRule.SimpleAcceptance, 2));
        Assert.Equal(Verdict.Fail, SpecLimit.Min(40).Judge(39.9, DecisionRule.SimpleAcceptance, 2));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteMeasuredValueIsRefused(double value) =>
        Expect.Refusal("value-not-finite", () => SpecLimit.Min(40).Judge(value));

    [Fact]
    public void NegativeUncertaintyIsRefused() =>
        Expect.Refusal("uncertainty-negative", () => SpecLimit.Min(40).Judge(41, DecisionRule.GuardBand, -0.1));

    [Theory]
    [InlineData(true, Verdict.Pass)]
    [InlineData(false, Verdict.Fail)]
    public void PassFailIsJudgedByTheFinding(bool meetsRequirement, Verdict expected) =>
        Assert.Equal(expected, SpecLimit.PassFail().Judge(meetsRequirement));

    [Fact]
    public void PassFailRefusesANumber() =>
        Expect.Refusal("limit-passfail", () => SpecLimit.PassFail().Judge(1.0));

    [Fact]
    public void NumericLimitsRefuseAFinding()
    {
        Expect.Refusal("limit-numeric", () => SpecLimit.Min(40).Judge(true));
        Expect.Refusal("limit-numeric", () => SpecLimit.Max(75).Judge(true));
        Expect.Refusal("limit-numeric", () => SpecLimit.Range(4, 8.5).Judge(false));
        Expect.Refusal("limit-numeric", () => SpecLimit.MinGrade(3).Judge(true));
    }
}
