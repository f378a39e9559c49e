using Lab.Domain.Instruments;

namespace Tests.Domain;

public class InstrumentCalibration
{
    [Fact]
    public void NewInstrumentIsInServiceWithoutCalibration()
    {
        var instrument = InstrumentBuilder.PhMeter();

        Assert.Equal("PH-01", instrument.Code);
        Assert.Equal(InstrumentStatus.InService, instrument.Status);
        Assert.Null(instrument.CalibrationDue);
        Assert.Empty(instrument.Calibrations);
        Assert.False(instrument.IsCalibrationValid(LabDay.Today));
    }

    [Fact]
    public void RecordCalibrationMakesItCurrent()
    {
        var instrument = InstrumentBuilder.PhMeter();

        instrument.RecordCalibration(" JL2026-0001 ", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9));

        Assert.Equal(("JL2026-0001", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9)),
            (instrument.CalibrationCertificate, instrument.CalibratedOn!.Value, instrument.CalibrationDue!.Value));
        Assert.Single(instrument.Calibrations);
    }

    [Fact]
    public void NewerCalibrationReplacesTheCurrentOneAndHistoryIsKept()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.RecordCalibration("JL2025-0001", new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 9));

        instrument.RecordCalibration("JL2026-0001", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9));

        Assert.Equal("JL2026-0001", instrument.CalibrationCertificate);
        Assert.Equal(new DateOnly(2027, 1, 9), instrument.CalibrationDue);
        Assert.Equal(["JL2025-0001", "JL2026-0001"], instrument.Calibrations.Select(c => c.CertificateNumber));
    }

    [Fact]
    public void CalibrationOnTheSameDayAsTheLatestIsAccepted()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.RecordCalibration("JL2026-0001", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9));

        instrument.RecordCalibration("JL2026-0002", new DateOnly(2026, 1, 10), new DateOnly(2026, 7, 9));

        Assert.Equal("JL2026-0002", instrument.CalibrationCertificate);
    }

    [Fact]
    public void CalibrationOlderThanTheLatestIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.RecordCalibration("JL2026-0001", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9));

        Expect.Refusal("calibration-older", () =>
            instrument.RecordCalibration("JL2025-0001", new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 9)));

        Assert.Equal("JL2026-0001", instrument.CalibrationCertificate);
        Assert.Single(instrument.Calibrations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DueDateMustFollowTheCalibrationDate(int daysAfter)
    {
        var instrument = InstrumentBuilder.PhMeter();
        var on = new DateOnly(2026, 1, 10);

        Expect.Refusal("calibration-dates", () => instrument.RecordCalibration("JL2026-0001", on, on.AddDays(daysAfter)));

        Assert.Null(instrument.CalibrationDue);
        Assert.Empty(instrument.Calibrations);
    }

    [Fact]
    public void CalibrationWithoutACertificateIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();

        Expect.Refusal("required", () => instrument.RecordCalibration(" ", new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9)));
        Assert.Null(instrument.CalibrationDue);
    }
}
