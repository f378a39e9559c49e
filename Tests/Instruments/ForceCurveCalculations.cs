using Lab.Domain.Results;

namespace Tests.Instruments;

public class ForceCurveCalculations
{
    private static ValueList<ForcePoint> Curve(params (double D, double F)[] points) =>
        points.Select(p => new ForcePoint(p.D, p.D, p.F)).ToValueList();

    [Fact]
    public void PeakForceOfATriangularCurveIsItsApex() =>
        Assert.Equal(100, ForceCurves.PeakForce(Curve((0, 0), (1, 50), (2, 100), (3, 50), (4, 0))));

    [Fact]
    public void PeelStrengthIsThePlateauMeanOverTheWidthInCentimetres()
    {
        // Travel 0–10 mm: the plateau is 1–9 mm (10–90 %). Forces there average (18+22)·4/8 ... = 180/9 = 20 N;
        // the initiation peak (30 N at 0.5 mm) and the release at 10 mm are outside it. 20 N over 25 mm = 2.5 cm → 8 N/cm.
        var points = Curve((0, 0), (0.5, 30), (1, 18), (2, 22), (3, 18), (4, 22), (5, 18), (6, 22), (7, 18), (8, 22), (9, 20), (10, 0));
        Assert.Equal(20, ForceCurves.PlateauForce(points), 9);
        Assert.Equal(8, ForceCurves.PeelStrength(points, widthMm: 25), 9);
    }

    [Fact]
    public void TensileStrengthIsPeakForceOverCrossSection()
    {
        // 156 N on a 6 mm × 2 mm dumbbell = 156 / 12 = 13 MPa.
        var points = Curve((0, 0), (50, 120), (100, 156), (101, 3));
        Assert.Equal(13, ForceCurves.TensileStrength(points, 6, 2), 9);
    }

    [Fact]
    public void ShearStrengthIsPeakForceOverOverlapAreaInKilopascals() =>
        // 80 N over 25 mm × 40 mm = 1000 mm²: 0.08 N/mm² = 80 kPa.
        Assert.Equal(80, ForceCurves.ShearStrength(Curve((0, 0), (2, 80), (3, 10)), 1000), 9);

    private static ValueList<ForcePoint> Hold(double target, double seconds, double? dropAt = null)
    {
        var points = new List<ForcePoint>();
        for (var t = 0; t <= 10 + seconds + 2; t++)
        {
            var f = t <= 10 ? target * t / 10 : target + (t % 2 == 0 ? 2 : -2);
            if (dropAt is { } d && t >= d) f = 1;
            points.Add(new ForcePoint(t, f / 60, f));
        }
        return points.ToValueList();
    }

    [Fact]
    public void AHeldLoadIsTheMeanOverTheHold()
    {
        // Reached 540 N at 10 s; the hold alternates 542/538 N, mean 540 N (the first point is exactly 540).
        var outcome = ForceCurves.Hold(Hold(540, 60), 540, 60, 10);
        Assert.True(outcome.Held);
        Assert.Equal(540, outcome.Load, 0);
    }

    [Fact]
    public void AHandleThatComesOffDuringTheHoldFailsAtItsPeak()
    {
        var outcome = ForceCurves.Hold(Hold(540, 60, dropAt: 40), 540, 60, 10);
        Assert.False(outcome.Held);
        Assert.Equal(542, outcome.Load);
    }

    [Fact]
    public void ARecordThatEndsBeforeTheHoldIsOverGivesNoResult()
    {
        var shortRecord = Hold(540, 60).Take(30).ToValueList();
        Assert.Throws<CalculationException>(() => ForceCurves.Hold(shortRecord, 540, 60, 10));
    }

    [Fact]
    public void ACurveOfOnePointGivesNoResult() =>
        Assert.Throws<CalculationException>(() => ForceCurves.PeakForce(Curve((0, 0))));
}
