using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Tests.Domain;

public class SpecLimitShape
{
    [Fact]
    public void FactoriesBuildTheirKindWithOnlyItsValues()
    {
        var min = SpecLimit.Min(40, exclusive: true);
        Assert.Equal((LimitKind.Min, 40.0, (double?)null, true), (min.Kind, min.Lower!.Value, min.Upper, min.LowerExclusive));

        var max = SpecLimit.Max(75);
        Assert.Equal((LimitKind.Max, (double?)null, 75.0, false), (max.Kind, max.Lower, max.Upper!.Value, max.UpperExclusive));

        var range = SpecLimit.Range(4.0, 8.5);
        Assert.Equal((LimitKind.Range, 4.0, 8.5), (range.Kind, range.Lower!.Value, range.Upper!.Value));

        var grade = SpecLimit.MinGrade(3.5);
        Assert.Equal((LimitKind.Grade, 3.5, (double?)null), (grade.Kind, grade.Lower!.Value, grade.Upper));

        var passFail = SpecLimit.PassFail();
        Assert.Equal((LimitKind.PassFail, (double?)null, (double?)null), (passFail.Kind, passFail.Lower, passFail.Upper));
    }

    [Fact]
    public void RangeWithEqualBoundsIsAccepted()
    {
        var range = SpecLimit.Range(5, 5);

        Assert.Equal(Verdict.Pass, range.Judge(5));
    }

    [Fact]
    public void RangeWithLowerAboveUpperIsRefused() =>
        Expect.Refusal("limit-shape", () => SpecLimit.Range(8.5, 4.0));

    [Theory]
    [InlineData(LimitKind.Min, null, null)]
    [InlineData(LimitKind.Min, 1.0, 2.0)]
    [InlineData(LimitKind.Min, null, 2.0)]
    [InlineData(LimitKind.Grade, null, null)]
    [InlineData(LimitKind.Grade, 3.0, 4.0)]
    [InlineData(LimitKind.Max, null, null)]
    [InlineData(LimitKind.Max, 1.0, 2.0)]
    [InlineData(LimitKind.Max, 1.0, null)]
    [InlineData(LimitKind.Range, 1.0, null)]
    [InlineData(LimitKind.Range, null, 2.0)]
    [InlineData(LimitKind.Range, null, null)]
    [InlineData(LimitKind.PassFail, 1.0, null)]
    [InlineData(LimitKind.PassFail, null, 2.0)]
    public void StoredPartsOfTheWrongShapeAreRefused(LimitKind kind, double? lower, double? upper) =>
        Expect.Refusal("limit-shape", () => SpecLimit.From(kind, lower, upper));

    [Theory]
    [InlineData(LimitKind.Min, 40.0, null)]
    [InlineData(LimitKind.Grade, 3.0, null)]
    [InlineData(LimitKind.Max, null, 75.0)]
    [InlineData(LimitKind.Range, 4.0, 8.5)]
    [InlineData(LimitKind.PassFail, null, null)]
    public void StoredPartsOfTheRightShapeRebuildAnEqualLimit(LimitKind kind, double? lower, double? upper)
    {
        var limit = SpecLimit.From(kind, lower, upper);

        Assert.Equal((kind, lower, upper), (limit.Kind, limit.Lower, limit.Upper));
    }

    [Fact]
    public void LimitsAreValuesComparedByContent()
    {
        Assert.Equal(SpecLimit.Min(40, exclusive: true), SpecLimit.From(LimitKind.Min, 40, null, lowerExclusive: true));
        Assert.NotEqual(SpecLimit.Min(40, exclusive: true), SpecLimit.Min(40));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteValuesAreRefused(double value)
    {
        Expect.Refusal("limit-not-finite", () => SpecLimit.Min(value));
        Expect.Refusal("limit-not-finite", () => SpecLimit.Max(value));
        Expect.Refusal("limit-not-finite", () => SpecLimit.Range(0, value));
        Expect.Refusal("limit-not-finite", () => SpecLimit.MinGrade(value));
    }

    [Fact]
    public void DescribeShowsTheRequirementCompactly()
    {
        Assert.Equal("≥ 40", SpecLimit.Min(40).Describe());
        Assert.Equal("> 40", SpecLimit.Min(40, exclusive: true).Describe());
        Assert.Equal("≤ 75 mg/kg", SpecLimit.Max(75).Describe("mg/kg"));
        Assert.Equal("< 75", SpecLimit.Max(75, exclusive: true).Describe());
        Assert.Equal("4 – 8.5", SpecLimit.Range(4.0, 8.5).Describe());
        Assert.Equal("≥ 3-4", SpecLimit.MinGrade(3.5).Describe());
        Assert.Equal("P/F", SpecLimit.PassFail().Describe());
    }
}
