using Lab.Domain.Instruments;

namespace Tests.Domain;

public class InstrumentService
{
    [Fact]
    public void TakeOutOfServiceRecordsWhy()
    {
        var instrument = InstrumentBuilder.PhMeter();

        instrument.TakeOutOfService("Electrode cracked");

        Assert.Equal(InstrumentStatus.OutOfService, instrument.Status);
        Assert.Equal("Electrode cracked", instrument.OutOfServiceReason);
    }

    [Fact]
    public void TakeOutOfServiceTwiceIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.TakeOutOfService("Electrode cracked");

        Expect.Refusal("instrument-out-of-service", () => instrument.TakeOutOfService("Again"));
        Assert.Equal("Electrode cracked", instrument.OutOfServiceReason);
    }

    [Fact]
    public void TakeOutOfServiceWithoutAReasonIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();

        Expect.Refusal("required", () => instrument.TakeOutOfService(""));
        Assert.Equal(InstrumentStatus.InService, instrument.Status);
    }

    [Fact]
    public void ReturnToServiceClearsTheReason()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.TakeOutOfService("Electrode cracked");

        instrument.ReturnToService();

        Assert.Equal(InstrumentStatus.InService, instrument.Status);
        Assert.Null(instrument.OutOfServiceReason);
    }

    [Fact]
    public void ReturnToServiceTwiceIsRefused()
    {
        var instrument = InstrumentBuilder.PhMeter();
        instrument.TakeOutOfService("Electrode cracked");
        instrument.ReturnToService();

        Expect.Refusal("instrument-in-service", instrument.ReturnToService);
    }
}
