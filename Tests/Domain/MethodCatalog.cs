using Lab.Domain.Catalog;

namespace Tests.Domain;

public class MethodCatalog
{
    [Theory]
    [InlineData("TEX-PH", "TEX-PH")]
    [InlineData("umb-wind", "UMB-WIND")]
    [InlineData("  FTW-FLEX01 ", "FTW-FLEX01")]
    [InlineData("FOM-D2", "FOM-D2")]
    [InlineData("TEX-ABCDEFGH", "TEX-ABCDEFGH")]
    public void CodeIsNormalizedToCapitals(string code, string expected) =>
        Assert.Equal(expected, new MethodBuilder().Code(code).Build().Code);

    [Theory]
    [InlineData("")]
    [InlineData("TEXPH")]
    [InlineData("TX-PH")]
    [InlineData("TEXT-PH")]
    [InlineData("TEX-P")]
    [InlineData("TEX-ABCDEFGHI")]
    [InlineData("TEX-P H")]
    [InlineData("TEX_PH")]
    [InlineData("1EX-PH")]
    public void MalformedCodeIsRefused(string code) =>
        Expect.Refusal("method-code", () => new MethodBuilder().Code(code).InFamily("TEX").Build());

    [Fact]
    public void CodeMustCarryItsFamilyPrefix()
    {
        var ex = Expect.Refusal("method-family", () => new MethodBuilder().Code("UMB-PH").InFamily("TEX").Build());

        Assert.Contains("TEX-", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FamilyCodeIsUpperCased() =>
        Assert.Equal("FTW", MethodBuilder.Family("ftw").Code);

    [Fact]
    public void NewMethodIsActiveAtVersionOne()
    {
        var method = new MethodBuilder().Build();

        Assert.True(method.Active);
        Assert.Equal(1, method.Version);
    }

    [Fact]
    public void ReviseChangesTheRequirementAndBumpsTheVersion()
    {
        var method = new MethodBuilder().Build();

        method.Revise("", 2, SpecLimit.Range(4.0, 7.5), "4.0～7.5", "4.0 to 7.5", 0.05, confirmed: true);

        Assert.Equal(2, method.Version);
        Assert.Equal(SpecLimit.Range(4.0, 7.5), method.Limit);
        Assert.Equal(2, method.Precision);
        Assert.Equal(0.05, method.ExpandedUncertainty);
        Assert.Equal("4.0 to 7.5", method.RequirementEn);
        Assert.False(method.NeedsConfirmation);
    }

    [Fact]
    public void ReviseWithoutConfirmingKeepsTheMethodMarkedForConfirmation()
    {
        var method = new MethodBuilder().Build();

        method.Revise("", 1, SpecLimit.Range(4.0, 7.5), "4.0～7.5", "4.0 to 7.5", null, confirmed: false);

        Assert.True(method.NeedsConfirmation);
        Assert.Equal(2, method.Version);
    }

    [Theory]
    [InlineData(-1, null, "precision-range")]
    [InlineData(7, null, "precision-range")]
    [InlineData(1, -0.1, "uncertainty-negative")]
    [InlineData(1, double.NaN, "uncertainty-negative")]
    public void RefusedRevisionLeavesTheMethodAsItWas(int precision, double? uncertainty, string code)
    {
        var method = new MethodBuilder().Build();

        Expect.Refusal(code, () =>
            method.Revise("mg/kg", precision, SpecLimit.Max(75), "≤75", "at most 75", uncertainty, confirmed: true));

        Assert.Equal((1, SpecLimit.Range(4.0, 8.5), 1, "", true), (method.Version, method.Limit, method.Precision, method.Unit, method.NeedsConfirmation));
    }

    [Fact]
    public void RevisionWithoutRequirementTextLeavesTheMethodAsItWas()
    {
        var method = new MethodBuilder().Build();

        Expect.Refusal("required", () => method.Revise("mg/kg", 0, SpecLimit.Max(75), " ", "at most 75", null, confirmed: true));

        Assert.Equal((1, SpecLimit.Range(4.0, 8.5), 1, ""), (method.Version, method.Limit, method.Precision, method.Unit));
    }

    [Fact]
    public void RepriceChangesTheTermsAndBumpsTheVersion()
    {
        var method = new MethodBuilder().Build();

        method.Reprice(2, 150.50m, 7);

        Assert.Equal((2, 150.50m, 7, 2), (method.SampleQuantity, method.PriceCny, method.TurnaroundDays, method.Version));
    }

    [Theory]
    [InlineData(0, "100", 5, "sample-quantity")]
    [InlineData(1, "-1", 5, "price")]
    [InlineData(1, "10.005", 5, "price")]
    [InlineData(1, "100", 0, "turnaround")]
    [InlineData(1, "100", 61, "turnaround")]
    public void RepriceRefusesImpossibleTermsAndKeepsTheVersion(int quantity, string price, int days, string code)
    {
        var method = new MethodBuilder().Build();

        Expect.Refusal(code, () => method.Reprice(quantity, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), days));

        Assert.Equal((1, 120m, 1), (method.Version, method.PriceCny, method.SampleQuantity));
    }

    [Fact]
    public void WithdrawTakesTheMethodOutOfTheCatalog()
    {
        var method = new MethodBuilder().Build();

        method.Withdraw();

        Assert.False(method.Active);
    }

    [Fact]
    public void WithdrawTwiceIsRefused()
    {
        var method = new MethodBuilder().Build();
        method.Withdraw();

        Expect.Refusal("method-inactive", method.Withdraw);
    }

    [Fact]
    public void ReinstateBringsAWithdrawnMethodBack()
    {
        var method = new MethodBuilder().Build();
        method.Withdraw();

        method.Reinstate();

        Assert.True(method.Active);
    }

    [Fact]
    public void ReinstateAnActiveMethodIsRefused()
    {
        var method = new MethodBuilder().Build();

        Expect.Refusal("method-active", method.Reinstate);
    }

    [Fact]
    public void ReinstateTwiceIsRefused()
    {
        var method = new MethodBuilder().Build();
        method.Withdraw();
        method.Reinstate();

        Expect.Refusal("method-active", method.Reinstate);
    }
}
