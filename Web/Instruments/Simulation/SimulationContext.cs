using Lab.Domain.Catalog;
using Lab.Domain.Results;

namespace Web.Instruments.Simulation;

/// <summary>What a simulated instrument works with: its random source, the file header, the method's limit as booked.</summary>
internal sealed class SimulationContext(SimRandom random, RawHeader header, DriverRequest request)
{
    public SimRandom Random { get; } = random;
    public RawHeader Header { get; } = header;
    public SpecLimit Limit { get; } = request.Limit ?? SpecLimit.PassFail();
    public string Unit { get; } = request.Unit ?? "";

    /// <summary>
    /// The sample's "true" value, aimed at the limit so that most samples pass and a few fail, as in a real lab:
    /// above a minimum by about a quarter (≈ 3 % fail), below a maximum at about 64 % of it (≈ 2 % fail), inside a range
    /// around its middle (≈ 2–3 % fall outside). Without a numeric limit: <paramref name="nominal"/> with 10 % scatter.
    /// </summary>
    public double Aim(double nominal) => Limit.Kind switch
    {
        LimitKind.Min => Limit.Lower!.Value * Math.Exp(Random.Normal(0.25, 0.13)),
        LimitKind.Max => Limit.Upper!.Value * Math.Exp(Random.Normal(-0.45, 0.22)),
        LimitKind.Range => (Limit.Lower!.Value + Limit.Upper!.Value) / 2 + Random.Normal(0, (Limit.Upper!.Value - Limit.Lower!.Value) / 4.5),
        _ => nominal * Math.Exp(Random.Normal(0, 0.1)),
    };

    /// <summary>Below a maximum, for quantities that are usually far under it (residual deflection, banned amines).</summary>
    public double AimWellBelow(double nominal, double medianShare, double sigma) => Limit.Kind == LimitKind.Max
        ? Limit.Upper!.Value * medianShare * Math.Exp(Random.Normal(0, sigma))
        : Aim(nominal);

    public double Noise(double sd) => Random.Normal(0, sd);

    /// <summary>Rounds to the instrument's resolution (and never writes -0).</summary>
    public static double R(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero) + 0.0;

    /// <summary>Rounds to a step, e.g. 0.5 Shore A.</summary>
    public static double Step(double value, double step) => Math.Round(value / step, MidpointRounding.AwayFromZero) * step + 0.0;

    public static ValueList<RawParameter> Parameters(params (string Name, double Value, string Unit)[] parameters) =>
        parameters.Select(p => new RawParameter(p.Name, p.Value, p.Unit)).ToValueList();
}
