using Lab.Domain.Results;

namespace Tests.Instruments;

public class WindAndCycleCalculations
{
    /// <summary>1 s samples: ramp 0→15 m/s over 15 s, then 15 m/s until <paramref name="end"/>; damage at a time, if any.</summary>
    private static ValueList<WindPoint> Ramp(int end, int? damageAt = null) =>
        Enumerable.Range(0, end + 1)
            .Select(t => new WindPoint(t, Math.Min(t, 15), t == damageAt ? "Rib 3 broken" : ""))
            .ToValueList();

    [Fact]
    public void AnUmbrellaThatHoldsTheRequiredSpeedForTheHoldTimePasses()
    {
        // 15 m/s from t = 15 s; the record runs to 80 s, so [15, 75] is a full minute at 15 m/s.
        var outcome = WindResistance.Evaluate(Ramp(80), requiredSpeed: 15, holdSeconds: 60, tolerance: 0.5);
        Assert.True(outcome.Passed);
        Assert.False(outcome.Damaged);
        Assert.Equal(15, outcome.Speed);
    }

    [Fact]
    public void DamageBeforeTheHoldEndsFailsAndReportsTheSpeedAtDamage()
    {
        var outcome = WindResistance.Evaluate(Ramp(80, damageAt: 12), 15, 60, 0.5);
        Assert.False(outcome.Passed);
        Assert.True(outcome.Damaged);
        Assert.Equal(12, outcome.Speed);
    }

    [Fact]
    public void DamageDuringTheHoldFails() =>
        Assert.False(WindResistance.Evaluate(Ramp(80, damageAt: 50), 15, 60, 0.5).Passed);

    [Theory]
    [InlineData(0.2, 0)]
    [InlineData(5.4, 3)]
    [InlineData(5.5, 4)]
    [InlineData(7.9, 4)]
    [InlineData(10.8, 6)]
    [InlineData(33.0, 12)]
    public void BeaufortNumbersFollowTheWmoScale(double speed, int level) =>
        Assert.Equal(level, WindResistance.BeaufortNumber(speed));

    [Fact]
    public void TheBeaufortRatingIsTheHighestStepHeldUndamaged()
    {
        // Steps of 10 s at 6.7 m/s (level 4) and 9.4 m/s (level 5), damage 3 s into 12.3 m/s (level 6): rated 5.
        var points = new List<WindPoint>();
        var t = 0;
        foreach (var speed in new[] { 6.7, 9.4 })
            for (var k = 0; k <= 10; k++) points.Add(new WindPoint(t++, speed, ""));
        for (var k = 0; k < 3; k++) points.Add(new WindPoint(t++, 12.3, ""));
        points.Add(new WindPoint(t, 12.3, "Canopy torn"));
        Assert.Equal(5, WindResistance.BeaufortRating(points, stepHoldSeconds: 10));
    }

    private static ValueList<CycleEntry> Cycles(int count, int? faultAt = null) =>
        Enumerable.Range(1, count).Select(n => new CycleEntry(n, 1.2, 1.6, n == faultAt ? "FAULT: runner jammed" : "OK")).ToValueList();

    [Fact]
    public void AllCyclesOkCountsThemAll() => Assert.Equal(5, Endurance.CyclesBeforeFirstFailure(Cycles(5)));

    [Fact]
    public void AFaultCountsTheCyclesBeforeIt() => Assert.Equal(3, Endurance.CyclesBeforeFirstFailure(Cycles(4, faultAt: 4)));

    [Fact]
    public void ALogThatSkipsACycleGivesNoResult()
    {
        var skipping = Cycles(5).Where(c => c.Cycle != 3).ToValueList();
        Assert.Throws<CalculationException>(() => Endurance.CyclesBeforeFirstFailure(skipping));
    }
}
