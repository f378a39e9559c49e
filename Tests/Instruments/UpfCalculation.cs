using Lab.Domain.Results;

namespace Tests.Instruments;

/// <summary>UPF and T(UVA)AV per GB/T 18830-2009, checked against cases computed by hand.</summary>
public class UpfCalculation
{
    private static readonly IReadOnlyList<double> Grid = SolarUvWeighting.Wavelengths;

    private static double[] Flat(double percent) => Grid.Select(_ => percent).ToArray();

    [Fact]
    public void TheWeightingGridIs290To400NmIn5NmSteps()
    {
        Assert.Equal(23, Grid.Count);
        Assert.Equal(290, Grid[0]);
        Assert.Equal(400, Grid[^1]);
        Assert.Equal(23, SolarUvWeighting.SolarIrradiance.Count);
        Assert.All(SolarUvWeighting.Weights, w => Assert.True(w > 0));
    }

    [Theory]
    [InlineData(290, 1.0)]
    [InlineData(298, 1.0)]
    [InlineData(308, 0.114815)]   // 10^(0.094 × −10) = 10^−0.94
    [InlineData(340, 0.001)]      // 10^(0.015 × −200) = 10^−3
    [InlineData(400, 0.000125893)] // 10^(0.015 × −260) = 10^−3.9
    public void ErythemalEffectivenessFollowsTheCieFormula(double wavelength, double expected) =>
        Assert.Equal(expected, SolarUvWeighting.ErythemalEffectiveness(wavelength), 6);

    [Theory]
    [InlineData(2.0, 50.0)]
    [InlineData(5.0, 20.0)]
    [InlineData(100.0, 1.0)]
    public void AFlatSpectrumHasUpfOfOneOverItsTransmittance(double percent, double upf) =>
        // Σ w / Σ w·T = 1 / T whatever the weights: 2 % → 50.
        Assert.Equal(upf, UvProtection.SpecimenUpf(Grid, Flat(percent)), 9);

    [Fact]
    public void ATwoLevelSpectrumIsWeightedTowardsUvb()
    {
        // 1 % in UVB (290–315 nm), 10 % in UVA (320–400 nm): UPF = Σw / (0.01·Σw_UVB + 0.10·Σw_UVA).
        // With the weighting table in code, Σw_UVB = 0.0122865 and Σw_UVA = 0.0069958 (Σw = 0.0192823), so
        // UPF = 0.0192823 / (0.000122865 + 0.00069958) = 23.445. (A revised S(λ) table changes this number.)
        var t = Grid.Select(w => w <= 315 ? 1.0 : 10.0).ToArray();
        var w = SolarUvWeighting.Weights;
        double uvb = 0, uva = 0;
        for (var i = 0; i < Grid.Count; i++)
        {
            if (Grid[i] <= 315) uvb += w[i];
            else uva += w[i];
        }
        Assert.Equal((uvb + uva) / (0.01 * uvb + 0.10 * uva), UvProtection.SpecimenUpf(Grid, t), 9);
        Assert.Equal(23.445, UvProtection.SpecimenUpf(Grid, t), 3);
        Assert.Equal(10.0, UvProtection.MeanTransmittance(Grid, t, 320, 400), 9);
    }

    [Fact]
    public void TheSampleUpfIsTheLowerConfidenceLimitOfTheSpecimens()
    {
        // Specimens flat at 2, 2.5, 2, 2.5 % → UPF 50, 40, 50, 40: mean 45, s = √(4·25/3) = 5.7735,
        // t(0.975, 3) = 3.182 → 45 − 3.182 · 5.7735 / 2 = 35.814, below the lowest specimen (40), so it stands.
        // T(UVA)AV = (2 + 2.5 + 2 + 2.5) / 4 = 2.25 %.
        var result = UvProtection.Evaluate(Grid, [Flat(2), Flat(2.5), Flat(2), Flat(2.5)]);
        Assert.Equal(45, result.MeanUpf, 9);
        Assert.Equal(35.814, result.Upf, 3);
        Assert.Equal(2.25, result.TuvaAv, 9);
        Assert.Equal(2.25, result.TuvbAv, 9);
    }

    [Fact]
    public void IdenticalSpecimensGiveTheirOwnUpf() =>
        Assert.Equal(50, UvProtection.Evaluate(Grid, [Flat(2), Flat(2), Flat(2), Flat(2)]).Upf, 9);

    [Fact]
    public void ASpectrumMissingAWavelengthGivesNoResult()
    {
        var wavelengths = Grid.Where(w => w != 305).ToArray();
        var ex = Assert.Throws<CalculationException>(() => UvProtection.SpecimenUpf(wavelengths, wavelengths.Select(_ => 2.0).ToArray()));
        Assert.Contains("305 nm", ex.Message);
    }

    [Fact]
    public void ATransmittanceAbove100PercentGivesNoResult() =>
        Assert.Throws<CalculationException>(() => UvProtection.SpecimenUpf(Grid, Flat(120)));
}
