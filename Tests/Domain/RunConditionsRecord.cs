using Lab.Domain.Instruments;

namespace Tests.Domain;

/// <summary>The room's temperature and humidity recorded with a run (printed on the report): plausible values only, kept once the run ends.</summary>
public class RunConditionsRecord
{
    private static Run NewRun() =>
        new(7, InstrumentBuilder.CalibratedPhMeter(new DateOnly(2026, 6, 30)), new MethodBuilder().Build(), "S2026000012", RunSource.Driver,
            LabDay.Analyst, LabDay.Now, LabDay.Today);

    [Fact]
    public void ConditionsAreKeptToATenthAndEitherMayBeUnknown()
    {
        var run = NewRun();

        run.RecordConditions(20.46, 63.04);
        Assert.Equal((20.5, 63.0), (run.Temperature, run.Humidity));

        run.RecordConditions(null, 58);
        Assert.Equal((null, 58.0), (run.Temperature, run.Humidity));
    }

    [Theory]
    [InlineData(-25.0, null, "conditions-temperature")]
    [InlineData(65.0, null, "conditions-temperature")]
    [InlineData(double.NaN, null, "conditions-temperature")]
    [InlineData(null, -1.0, "conditions-humidity")]
    [InlineData(null, 100.5, "conditions-humidity")]
    public void ImplausibleReadingsAreRefused(double? temperature, double? humidity, string code)
    {
        var run = NewRun();
        Expect.Refusal(code, () => run.RecordConditions(temperature, humidity));
        Assert.Equal((null, null), (run.Temperature, run.Humidity));
    }

    [Fact]
    public void AFinishedRunsConditionsAreOnRecord()
    {
        var run = NewRun();
        run.RecordConditions(21, 60);
        run.BeginAttempt(LabDay.Later(1));
        run.AttemptFailed("Instrument offline", lastAttempt: true, LabDay.Later(2));

        Expect.Refusal("run-finished", () => run.RecordConditions(25, 50));
        Assert.Equal((21.0, 60.0), (run.Temperature, run.Humidity));
    }
}
