using Lab.Domain.Results;

namespace Tests.Instruments;

/// <summary>The remaining calculations, each against numbers worked out by hand.</summary>
public class OtherCalculations
{
    private static IEnumerable<PressurePoint> Ramp(int specimen, double thirdDropAt, double step = 1)
    {
        for (var p = 0.0; ; p += step)
        {
            var drops = (p >= thirdDropAt - 2 ? 1 : 0) + (p >= thirdDropAt - 1 ? 1 : 0) + (p >= thirdDropAt ? 1 : 0);
            yield return new PressurePoint(specimen, p * 10, p, drops);
            if (drops == 3) yield break;
        }
    }

    [Fact]
    public void HydrostaticPressureIsAtTheThirdDropAveragedOverSpecimens()
    {
        var (mean, specimens) = HydrostaticHead.Evaluate([.. Ramp(1, 16), .. Ramp(2, 18)]);
        Assert.Equal(new[] { 16.0, 18.0 }, specimens);
        Assert.Equal(17, mean);
    }

    [Fact]
    public void ARampWithoutAThirdDropGivesNoResult()
    {
        var twoDrops = Ramp(1, 16).Where(p => p.Drops < 3).ToList();
        var ex = Assert.Throws<CalculationException>(() => HydrostaticHead.Evaluate(twoDrops));
        Assert.Contains("third drop", ex.Message);
    }

    [Fact]
    public void DurometerMedianIsTheMiddleReading() =>
        Assert.Equal(60, ReadingStatistics.Median([60, 58, 61, 59.5, 62]));

    [Fact]
    public void MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() =>
        Assert.Equal(6.5, ReadingStatistics.Median([8, 5, 6, 7]));

    [Fact]
    public void PhIsTheMeanOfTheTwoExtracts() => Assert.Equal(6.25, ReadingStatistics.Mean([6.2, 6.3]), 9);

    [Fact]
    public void CrackLengthIsTheLongestAndWearTheMean()
    {
        Assert.Equal(4.2, ReadingStatistics.Max([1.5, 4.2, 3.0]));
        Assert.Equal(9.5, ReadingStatistics.Mean([9.2, 9.8]), 9);
    }

    [Fact]
    public void WorstDeviationKeepsItsSign()
    {
        Assert.Equal(3, ReadingStatistics.WorstDeviation([548, 553, 550], 550));
        Assert.Equal(-4, ReadingStatistics.WorstDeviation([546, 553], 550));
    }

    [Fact]
    public void DensityIsMassOverVolume()
    {
        // 75 g in 100 × 100 × 25 mm = 250 cm³: 0.3 g/cm³ = 300 kg/m³.
        Assert.Equal(0.3, Density.GramsPerCubicCentimetre(75, 100, 100, 25), 12);
        Assert.Equal(300, Density.KilogramsPerCubicMetre(75, 100, 100, 25), 9);
        // 2.0 g in 8 cm³ = 0.25 and 3.6 g in 12 cm³ = 0.30: mean 0.275 g/cm³.
        Assert.Equal(0.275, Density.MeanGramsPerCubicCentimetre([new("S1", 2.0, 20, 20, 20), new("S2", 3.6, 20, 20, 30)]), 12);
    }

    [Fact]
    public void DinRelativeVolumeLossScalesByTheReferenceCompound()
    {
        // Δm_t = 230 mg, ρ_t = 1.15 g/cm³, Δm_r = 200 mg: 230 · 200 / (1.15 · 200) = 200 mm³.
        Assert.Equal(200, DinAbrasion.RelativeVolumeLoss(230, 1.15, 200), 9);
        AbrasionSpecimen[] weighings =
        [
            new("T1", DinAbrasionData.Test, 1.4000, 1.1700), new("T2", DinAbrasionData.Test, 1.4100, 1.1800),
            new("R1", DinAbrasionData.Reference, 1.5000, 1.3000),
        ];
        Assert.Equal(200, DinAbrasion.RelativeVolumeLoss(weighings, 1.15), 6);
    }

    [Fact]
    public void DynamicFrictionIsMeanFrictionOverMeanNormalInTheWindow()
    {
        // A static peak of 250 N before 0.3 s is left out; 0.3–0.6 s: 190 N over 500 N = 0.38.
        var points = Enumerable.Range(0, 81)
            .Select(k => new FrictionPoint(k / 100.0, 500, k < 20 ? 250 : k <= 65 ? 190 : 100)).ToList();
        Assert.Equal(0.38, SlipResistance.DynamicCoefficient(points, 0.3, 0.6), 12);
    }

    [Fact]
    public void ExtractContentIsConcentrationTimesVolumeOverMass()
    {
        // 0.48 mg/L × 100 mL / 1.0 g = 48 mg/kg; 0.6 mg/L × 5 mL / 0.1 g = 30 mg/kg.
        Assert.Equal(48, ExtractContent.MilligramsPerKilogram(0.48, 100, 1.0), 9);
        Assert.Equal(30, ExtractContent.MilligramsPerKilogram(0.6, 5, 0.1), 9);
        var contents = ExtractContent.Contents([new(1, "Formaldehyde", 0.47), new(2, "Formaldehyde", 0.49)], 100, 1.0);
        Assert.Equal(48, Assert.Single(contents).Content, 9);
    }

    [Fact]
    public void CompressionSetIsTheUnrecoveredShareOfTheCompression()
    {
        // t₀ 12.5, spacer 6.25, recovered 11.875: 0.625 / 6.25 = 10 %.
        Assert.Equal(10, CompressionSet.Percent(12.5, 6.25, 11.875), 9);
        Assert.Equal(10, CompressionSet.Median([new("S1", 12.5, 6.25, 11.875), new("S2", 12.5, 6.25, 12.0), new("S3", 12.5, 6.25, 11.5)]), 9);
    }

    [Fact]
    public void ResidualDeflectionIsTheLastRecoveryReadingOverTheShaftLength()
    {
        DeflectionPoint[] points = [new(0, "load", 0), new(60, "load", 60), new(61, "recovery", 40), new(120, "recovery", 24)];
        Assert.Equal(4, ShaftBending.ResidualPercent(points, 600), 9);
    }
}
