using Lab.Domain.Instruments;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Web.Instruments.Simulation;

namespace Web.Instruments;

public sealed class SimulatedInstrumentOptions
{
    /// <summary>How long a simulated test takes (zero in tests; a few seconds make a demo's run visibly "Running").</summary>
    public TimeSpan CaptureDelay { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// A simulated instrument of one type: exports the file the real one would (see <see cref="InstrumentSimulation"/>),
/// stamped with the clock's time, and acts out the fault the request asks for.
/// </summary>
public sealed class SimulatedInstrumentDriver(InstrumentType type, TimeProvider clock, SimulatedInstrumentOptions? options = null) : IInstrumentDriver
{
    private readonly SimulatedInstrumentOptions _options = options ?? new SimulatedInstrumentOptions();

    public InstrumentType Type => type;

    public async Task<RawCapture> CaptureAsync(DriverRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (request.Fault == SimulatedFault.Offline)
            throw new InstrumentUnavailableException(request.InstrumentCode,
                $"Instrument {request.InstrumentCode} does not answer (simulated: offline). The run can be retried.");
        if (_options.CaptureDelay > TimeSpan.Zero) await Task.Delay(_options.CaptureDelay, clock, ct);
        if (request.Fault == SimulatedFault.Aborted)
            throw new RunAbortedException(request.InstrumentCode, AbortReason(type, request.Seed));
        var record = InstrumentSimulation.Generate(type, request, clock.GetUtcNow().UtcDateTime);
        return new RawCapture(record.Format, RawDataWriter.Write(record), ".csv");
    }

    /// <summary>Why a test of this kind of instrument gets stopped, picked by the seed.</summary>
    public static string AbortReason(InstrumentType type, int seed)
    {
        string[] reasons = type switch
        {
            InstrumentType.UniversalTestingMachine or InstrumentType.FatigueTester =>
                ["specimen slipped in the grips", "specimen broke at the jaw face", "emergency stop pressed"],
            InstrumentType.UmbrellaWindTunnel or InstrumentType.LargeWindTunnel =>
                ["umbrella came loose from the mount", "emergency stop: blower overheated"],
            InstrumentType.UvSpectrophotometer or InstrumentType.UvVisSpectrophotometer =>
                ["lamp failed during the scan", "baseline drift beyond tolerance"],
            InstrumentType.HydrostaticHeadTester => ["clamp ring leaked at the specimen edge"],
            InstrumentType.GcMs or InstrumentType.IcpOes => ["calibration check outside tolerance", "autosampler fault"],
            _ => ["stopped by the operator", "power dip: the controller restarted"],
        };
        return reasons[(int)((uint)seed % (uint)reasons.Length)];
    }
}

/// <summary>The driver for each instrument type, as registered.</summary>
public sealed class InstrumentDrivers(IEnumerable<IInstrumentDriver> drivers)
{
    private readonly Dictionary<InstrumentType, IInstrumentDriver> _byType = drivers.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Last());

    public IReadOnlyCollection<InstrumentType> Types => _byType.Keys;

    public IInstrumentDriver For(InstrumentType type) =>
        _byType.TryGetValue(type, out var driver)
            ? driver
            : throw new InvalidOperationException($"No instrument driver is registered for {type}.");
}

public static class SimulatedDrivers
{
    /// <summary>Registers a simulated driver for every instrument type, and <see cref="InstrumentDrivers"/> to find them.</summary>
    public static IServiceCollection AddSimulatedInstrumentDrivers(this IServiceCollection services, Action<SimulatedInstrumentOptions>? configure = null)
    {
        var options = new SimulatedInstrumentOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        foreach (var type in Enum.GetValues<InstrumentType>())
            services.AddSingleton<IInstrumentDriver>(sp => new SimulatedInstrumentDriver(type, sp.GetRequiredService<TimeProvider>(), options));
        services.TryAddSingleton<InstrumentDrivers>();
        return services;
    }
}
