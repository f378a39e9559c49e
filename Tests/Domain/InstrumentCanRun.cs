using Lab.Domain.Instruments;

namespace Tests.Domain;

public class InstrumentCanRun
{
    private static readonly DateOnly Due = new(2026, 6, 30);

    [Fact]
    public void CalibratedInstrumentOfTheRightTypeRuns()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);
        var method = new MethodBuilder().Build();

        Assert.True(instrument.CanRun(method, LabDay.Today));
        Assert.Null(instrument.WhyCannotRun(method, LabDay.Today));
        instrument.EnsureCanRun(method, LabDay.Today);
    }

    [Fact]
    public void WrongTypeIsRefused()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);
        var method = new MethodBuilder().RunOn(InstrumentType.Crockmeter).Build();

        Assert.False(instrument.CanRun(method, LabDay.Today));
        Assert.Equal(InstrumentRefusal.WrongType, instrument.WhyCannotRun(method, LabDay.Today));
        Expect.Refusal("instrument-wrong-type", () => instrument.EnsureCanRun(method, LabDay.Today));
    }

    [Fact]
    public void OutOfServiceIsRefusedUntilReturned()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);
        var method = new MethodBuilder().Build();
        instrument.TakeOutOfService("Electrode cracked");

        Assert.Equal(InstrumentRefusal.OutOfService, instrument.WhyCannotRun(method, LabDay.Today));
        var ex = Expect.Refusal("instrument-out-of-service", () => instrument.EnsureCanRun(method, LabDay.Today));
        Assert.Contains("Electrode cracked", ex.Message, StringComparison.Ordinal);

        instrument.ReturnToService();
        Assert.True(instrument.CanRun(method, LabDay.Today));
    }

    [Fact]
    public void NeverCalibratedIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();
        var method = new MethodBuilder().Build();

        Assert.Equal(InstrumentRefusal.NotCalibrated, instrument.WhyCannotRun(method, LabDay.Today));
        Expect.Refusal("instrument-not-calibrated", () => instrument.EnsureCanRun(method, LabDay.Today));
    }

    [Fact]
    public void DueDayIsStillWithinCalibration()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);

        Assert.True(instrument.CanRun(new MethodBuilder().Build(), Due));
        Assert.True(instrument.IsCalibrationValid(Due));
    }

    [Fact]
    public void DayAfterTheDueDateIsRefused()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);
        var method = new MethodBuilder().Build();
        var dayAfter = Due.AddDays(1);

        Assert.False(instrument.CanRun(method, dayAfter));
        Assert.Equal(InstrumentRefusal.CalibrationExpired, instrument.WhyCannotRun(method, dayAfter));
        var ex = Expect.Refusal("instrument-calibration-expired", () => instrument.EnsureCanRun(method, dayAfter));
        Assert.Contains("2026-06-30", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewCalibrationLetsAnExpiredInstrumentRunAgain()
    {
        var instrument = InstrumentBuilder.CalibratedPhMeter(Due);
        var method = new MethodBuilder().Build();

        instrument.RecordCalibration("JL2026-0100", Due.AddDays(1), Due.AddYears(1));

        Assert.True(instrument.CanRun(method, Due.AddDays(1)));
    }

    [Fact]
    public void WrongTypeIsReportedBeforeOtherReasons()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.TakeOutOfService("Electrode cracked");

        Assert.Equal(InstrumentRefusal.WrongType,
            instrument.WhyCannotRun(new MethodBuilder().RunOn(InstrumentType.GcMs).Build(), LabDay.Today));
    }
}
