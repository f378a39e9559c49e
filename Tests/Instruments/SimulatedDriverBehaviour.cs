using Lab.Domain.Instruments;
using Lab.Domain.Results;
using Microsoft.Extensions.Time.Testing;
using Web.Instruments;
using Web.Instruments.Simulation;

namespace Tests.Instruments;

/// <summary>Simulated drivers are repeatable, their files read back exactly, and their faults look like real ones.</summary>
public class SimulatedDriverBehaviour
{
    [Theory]
    [MemberData(nameof(SeededCatalog.AllMethodCodes), MemberType = typeof(SeededCatalog))]
    public void TheSameSeedGivesTheSameBytes(string code)
    {
        var first = SeededCatalog.Capture(code, 42);
        var second = SeededCatalog.Capture(code, 42);
        Assert.Equal(first.Format, second.Format);
        Assert.Equal(first.Content, second.Content);
        Assert.Equal(".csv", first.FileExtension);
        Assert.NotEqual(first.Content, SeededCatalog.Capture(code, 43).Content);
    }

    [Theory]
    [MemberData(nameof(SeededCatalog.AllMethodCodes), MemberType = typeof(SeededCatalog))]
    public void ParsingIsTheExactInverseOfTheExport(string code)
    {
        var method = SeededCatalog.Method(code);
        var generated = InstrumentSimulation.Generate(method.InstrumentType, SeededCatalog.Request(code, 5), SeededCatalog.CapturedAt);
        var bytes = RawDataWriter.Write(generated);

        var parsed = RawDataParser.Parse(generated.Format, bytes);

        Assert.Equal(generated, parsed);
        Assert.Equal(bytes, RawDataWriter.Write(parsed));
        Assert.Equal(new RawHeader(SeededCatalog.InstrumentCode(method), $"SIM-{SeededCatalog.InstrumentCode(method)}", code,
            Lab.Domain.Numbering.Numbers.SampleBarcode(2026, 123), SeededCatalog.CapturedAt), parsed.Header);
    }

    [Fact]
    public async Task TheFileCarriesTheHeaderBlockAndTheClocksTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 30, 15, 250, TimeSpan.Zero));
        var request = SeededCatalog.Request("FTW-TEN", 1) with { SerialNumber = "5967R4021" };
        var capture = await SeededCatalog.Driver("FTW-TEN", clock).CaptureAsync(request, CancellationToken.None);
        var lines = System.Text.Encoding.UTF8.GetString(capture.Content).Split('\n');
        Assert.Equal("Format,lablims-force-curve/1", lines[0]);
        Assert.Equal("Instrument,UTM-01", lines[1]);
        Assert.Equal("Serial,5967R4021", lines[2]);
        Assert.Equal("Method,FTW-TEN", lines[3]);
        Assert.StartsWith("Sample,", lines[4]);
        Assert.Equal("Timestamp,2026-11-26T08:30:15Z", lines[5]);
        Assert.Contains("Parameter,Specimen width,6,mm", lines);
        Assert.Contains("Columns,Time,Displacement,Force", lines);
        Assert.Contains("Units,s,mm,N", lines);
        Assert.StartsWith("End,", lines[^2]);
        Assert.DoesNotContain(lines, l => l.Contains("operator", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnOfflineInstrumentThrowsARetriableError()
    {
        var ex = await Assert.ThrowsAsync<InstrumentUnavailableException>(() =>
            SeededCatalog.Driver("TEX-HYD").CaptureAsync(SeededCatalog.Request("TEX-HYD", 1, SimulatedFault.Offline), CancellationToken.None));
        Assert.True(ex.IsRetriable);
        Assert.Equal("HYD-01", ex.InstrumentCode);
        Assert.Contains("HYD-01", ex.Message);
    }

    [Fact]
    public async Task AnAbortedRunThrowsWithItsReason()
    {
        var ex = await Assert.ThrowsAsync<RunAbortedException>(() =>
            SeededCatalog.Driver("FTW-TEN").CaptureAsync(SeededCatalog.Request("FTW-TEN", 1, SimulatedFault.Aborted), CancellationToken.None));
        Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        Assert.Equal(SimulatedInstrumentDriver.AbortReason(InstrumentType.UniversalTestingMachine, 1), ex.Reason);
        Assert.Contains(ex.Reason, ex.Message);
    }

    [Fact]
    public async Task NoFaultAndFaultNoneBothCapture()
    {
        var driver = SeededCatalog.Driver("TEX-PH");
        var none = await driver.CaptureAsync(SeededCatalog.Request("TEX-PH", 9, SimulatedFault.None), CancellationToken.None);
        var absent = await driver.CaptureAsync(SeededCatalog.Request("TEX-PH", 9), CancellationToken.None);
        Assert.Equal(none.Content, absent.Content);
    }

    [Fact]
    public async Task ACancelledCaptureStops()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SeededCatalog.Driver("TEX-PH").CaptureAsync(SeededCatalog.Request("TEX-PH", 1), cts.Token));
    }

    [Fact]
    public async Task ADriverRefusesAMethodOfAnotherInstrumentType()
    {
        var windTunnel = new SimulatedInstrumentDriver(InstrumentType.UmbrellaWindTunnel, new FakeTimeProvider());
        await Assert.ThrowsAsync<ArgumentException>(() => windTunnel.CaptureAsync(SeededCatalog.Request("FTW-TEN", 1), CancellationToken.None));
    }
}
