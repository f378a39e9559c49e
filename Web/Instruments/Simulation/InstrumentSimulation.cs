using Lab.Domain.Catalog;
using Lab.Domain.Instruments;
using Lab.Domain.Results;
using static Web.Instruments.Simulation.SimulationContext;

namespace Web.Instruments.Simulation;

/// <summary>
/// Realistic raw data for each seeded method, as its instrument would export it: a force curve with a toe, a linear
/// region, a peak and a break; a wind ramp with the speed at first damage; a cycle log up to a fault; transmittance
/// spectra; pressure ramps with drops; durometer readings... Deterministic for a seed, aimed so that most samples pass
/// the booked limit and some fail. A method without a calculation gets its instrument's run log.
/// </summary>
public static class InstrumentSimulation
{
    private sealed record Profile(InstrumentType Type, Func<SimulationContext, RawRecord> Generate);

    private static readonly Dictionary<string, Profile> Profiles = BuildProfiles();

    /// <summary>The method codes with a simulation profile, and the instrument type each runs on.</summary>
    public static IReadOnlyDictionary<string, InstrumentType> Methods { get; } =
        Profiles.ToDictionary(p => p.Key, p => p.Value.Type, StringComparer.OrdinalIgnoreCase);

    public static RawRecord Generate(InstrumentType type, DriverRequest request, DateTime timestampUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.MethodCode) || string.IsNullOrWhiteSpace(request.InstrumentCode) || string.IsNullOrWhiteSpace(request.SampleBarcode))
            throw new ArgumentException("A request names its instrument, method and sample.", nameof(request));
        var method = request.MethodCode.Trim().ToUpperInvariant();
        var instrument = request.InstrumentCode.Trim().ToUpperInvariant();
        var serial = string.IsNullOrWhiteSpace(request.SerialNumber) ? $"SIM-{instrument}" : request.SerialNumber.Trim();
        var stamp = new DateTime(timestampUtc.Ticks - timestampUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var header = new RawHeader(instrument, serial, method, request.SampleBarcode.Trim(), stamp);
        var context = new SimulationContext(SimRandom.For(request.Seed, method, instrument), header, request);
        if (!Profiles.TryGetValue(method, out var profile)) return OperationLog(context, type, "Run started", "Run finished");
        if (profile.Type != type)
            throw new ArgumentException($"{method} runs on a {profile.Type}; this is a {type}.", nameof(type));
        return profile.Generate(context);
    }

    private static Dictionary<string, Profile> BuildProfiles()
    {
        var utm = InstrumentType.UniversalTestingMachine;
        return new Dictionary<string, Profile>(StringComparer.OrdinalIgnoreCase)
        {
            // ---- universal testing machine
            ["UMB-FRAME"] = new(utm, c => Tensile(c, c.Aim(250), dispAtPeak: 35, speed: 50,
                ("Crosshead speed", 50, "mm/min"), ("Fixture", 1, ""))),
            ["UMB-TEN"] = new(utm, c => Tensile(c, c.Aim(380), dispAtPeak: 48, speed: 100,
                ("Specimen width", 50, "mm"), ("Gauge length", 200, "mm"), ("Crosshead speed", 100, "mm/min"))),
            ["TEX-TEN"] = new(utm, c => Tensile(c, c.Aim(250), dispAtPeak: 42, speed: 100,
                ("Specimen width", 50, "mm"), ("Gauge length", 200, "mm"), ("Crosshead speed", 100, "mm/min"))),
            ["FTW-TEN"] = new(utm, c => Dumbbell(c, c.Aim(10), width: 6, thickness: 2.0, gauge: 25, dispAtPeak: 110, scale: 1)),
            ["FOM-RTEN"] = new(utm, c => Dumbbell(c, c.Aim(10), width: 6, thickness: 2.0, gauge: 25, dispAtPeak: 95, scale: 1)),
            ["FOM-TEN"] = new(utm, c => Dumbbell(c, c.Aim(850), width: 10, thickness: 12, gauge: 50, dispAtPeak: 150, scale: 1000)),
            ["FTW-PEEL"] = new(utm, c => Peel(c, c.Aim(50))),
            ["FTW-OMB"] = new(utm, c => Peel(c, c.Aim(22))),
            ["UMB-HDL"] = new(utm, HandlePull),

            // ---- other instruments with a calculation
            ["FTW-HLP"] = new(InstrumentType.FatigueTester, HookAndLoopShear),
            ["UMB-WIND"] = new(InstrumentType.UmbrellaWindTunnel, WindTunnel),
            ["UMB-MU"] = new(InstrumentType.LargeWindTunnel, SteppedWindTunnel),
            ["UMB-OC"] = new(InstrumentType.OpenCloseTester, OpenClose),
            ["UMB-UPF"] = new(InstrumentType.UvSpectrophotometer, UvSpectrum),
            ["TEX-UPF"] = new(InstrumentType.UvSpectrophotometer, UvSpectrum),
            ["TEX-HYD"] = new(InstrumentType.HydrostaticHeadTester, Hydrostatic),
            ["FTW-HRD"] = new(InstrumentType.Durometer, Durometer),
            ["FOM-HRD"] = new(InstrumentType.Durometer, Durometer),
            ["TEX-PH"] = new(InstrumentType.PhMeter, PhMeter),
            ["UMB-TIP"] = new(InstrumentType.DimensionGauge, BeadDiameters),
            ["UMB-DIM"] = new(InstrumentType.DimensionGauge, RibLengths),
            ["FTW-FLX"] = new(InstrumentType.FlexTester, FlexCracks),
            ["FTW-ABR"] = new(InstrumentType.AbrasionTester, WearMarks),
            ["UMB-BTN"] = new(InstrumentType.ForceGauge, ButtonPresses),
            ["UMB-SHB"] = new(InstrumentType.BendingRig, ShaftBend),
            ["FOM-CS"] = new(InstrumentType.CompressionSetOven, CompressionSetPlates),
            ["FOM-DEN"] = new(InstrumentType.DensityBalance, c => Densities(c, c.Aim(300) / 1000, 100, 100, 25)),
            ["FTW-DEN"] = new(InstrumentType.DensityBalance, c => Densities(c, c.Aim(0.25), 30, 30, 10)),
            ["FTW-DIN"] = new(InstrumentType.DinAbrader, DinAbrader),
            ["FTW-SLIP"] = new(InstrumentType.SlipTester, SlipTester),
            ["UMB-HCHO"] = new(InstrumentType.UvVisSpectrophotometer, Formaldehyde),
            ["TEX-HCHO"] = new(InstrumentType.UvVisSpectrophotometer, Formaldehyde),
            ["UMB-AZO"] = new(InstrumentType.GcMs, AromaticAmines),
            ["FTW-AZO"] = new(InstrumentType.GcMs, AromaticAmines),
            ["UMB-HM"] = new(InstrumentType.IcpOes, MigratableElements),

            // ---- manual methods: the instrument logs its run, a person reads the result
            ["UMB-RAIN"] = new(InstrumentType.RainTester, c => OperationLog(c, InstrumentType.RainTester, "Rain on", "Rain off")),
            ["UMB-RUN"] = new(InstrumentType.ForceGauge, c => OperationLog(c, InstrumentType.ForceGauge, "Runner loaded", "Load released")),
            ["UMB-CF"] = new(InstrumentType.Crockmeter, Crockmeter),
            ["FTW-RUB"] = new(InstrumentType.Crockmeter, Crockmeter),
            ["TEX-CFR"] = new(InstrumentType.Crockmeter, Crockmeter),
            ["UMB-CH"] = new(InstrumentType.ImpactRig, c => OperationLog(c, InstrumentType.ImpactRig, "First impact", "Last impact")),
            ["TEX-CFW"] = new(InstrumentType.Launderometer, c => OperationLog(c, InstrumentType.Launderometer, "Wash started", "Wash finished")),
            ["TEX-SPR"] = new(InstrumentType.SprayTester, c => OperationLog(c, InstrumentType.SprayTester, "Spray started", "Spray finished")),
        };
    }

    // ------------------------------------------------------------------ force curves

    /// <summary>
    /// A tensile curve: a toe (slack taken up), a linear region, a rounded approach to the peak, then the break (the force
    /// falls to almost nothing) and a few points after it. <paramref name="peak"/> in N.
    /// </summary>
    private static ValueList<ForcePoint> TensileCurve(SimulationContext c, double peak, double dispAtPeak, double speedMmPerMin)
    {
        const int toPeak = 200;
        var points = new List<ForcePoint>(toPeak + 12);
        var perSecond = speedMmPerMin / 60;
        var noise = 0.003 * peak;
        for (var k = 0; k <= toPeak + 10; k++)
        {
            var x = k / (double)toPeak;
            double shape = x switch
            {
                < 0.08 => 0.04 * (x / 0.08) * (x / 0.08),
                < 0.7 => 0.04 + 0.76 * (x - 0.08) / 0.62,
                <= 1.0 => 0.8 + 0.2 * (1 - (1 - x) / 0.3 * ((1 - x) / 0.3)),
                _ => Math.Max(0.02, 1 - 0.97 * Math.Min(1, (k - toPeak) / 3.0)),
            };
            var d = x * dispAtPeak;
            var f = k == 0 ? 0 : Math.Max(0, peak * shape + c.Noise(noise));
            points.Add(new ForcePoint(R(d / perSecond, 2), R(d, 3), R(f, 2)));
        }
        return points.ToValueList();
    }

    private static ForceCurve Tensile(SimulationContext c, double peak, double dispAtPeak, double speed, params (string, double, string)[] parameters) =>
        new(c.Header, Parameters(parameters), TensileCurve(c, peak, dispAtPeak, speed));

    /// <summary>A dumbbell: strength (MPa, or kPa with <paramref name="scale"/> 1000) times the measured cross-section is the peak force.</summary>
    private static ForceCurve Dumbbell(SimulationContext c, double strength, double width, double thickness, double gauge, double dispAtPeak, double scale)
    {
        var measuredThickness = R(thickness * (1 + c.Noise(0.01)), 2);
        var peak = strength / scale * width * measuredThickness;
        return new ForceCurve(c.Header,
            Parameters(("Specimen width", width, "mm"), ("Specimen thickness", measuredThickness, "mm"), ("Gauge length", gauge, "mm"),
                ("Crosshead speed", 500, "mm/min")),
            TensileCurve(c, peak, dispAtPeak, 500));
    }

    /// <summary>A peel: the force climbs to an initiation peak, then saws around the plateau until the parts separate.</summary>
    private static ForceCurve Peel(SimulationContext c, double strengthNPerCm)
    {
        const double width = 10, travel = 50, speed = 100;
        const int count = 250;
        var plateau = strengthNPerCm * width / 10;
        var phase = c.Random.Uniform(0, 2 * Math.PI);
        var points = new List<ForcePoint>(count + 1);
        for (var k = 0; k <= count; k++)
        {
            var x = k / (double)count;
            var f = x switch
            {
                < 0.06 => plateau * 1.1 * x / 0.06,
                < 0.96 => plateau * (1 + 0.05 * Math.Sin(2 * Math.PI * 14 * x + phase) + c.Noise(0.02)),
                _ => plateau * Math.Max(0.02, 1 - (x - 0.96) / 0.03),
            };
            var d = x * travel;
            points.Add(new ForcePoint(R(d / (speed / 60), 2), R(d, 3), R(Math.Max(0, f), 2)));
        }
        return new ForceCurve(c.Header, Parameters(("Specimen width", width, "mm"), ("Crosshead speed", speed, "mm/min")), points.ToValueList());
    }

    /// <summary>Handle pull-off (JUPA): pull to the load at 50 N/s and hold it a minute; now and then the handle comes off.</summary>
    private static ForceCurve HandlePull(SimulationContext c)
    {
        const double target = 540, hold = 60, tolerance = 10, rate = 50, stiffness = 60, step = 0.5;
        var reachedAt = target / rate;
        var end = reachedAt + hold + 1;
        // Now and then the handle comes off: on the way up at a lower load, or part way through the hold.
        var offLoad = double.PositiveInfinity;
        var offTime = double.PositiveInfinity;
        if (c.Random.Chance(0.08))
        {
            if (c.Random.Chance(0.4)) offLoad = target * c.Random.Uniform(0.55, 0.97);
            else offTime = reachedAt + c.Random.Uniform(1, hold - 1);
        }
        var points = new List<ForcePoint>();
        var afterOff = -1;
        for (var t = 0.0; ; t += step)
        {
            double f;
            if (afterOff >= 0)
            {
                if (++afterOff > 4) break;
                f = Math.Max(0, 1.5 + c.Noise(0.5));
            }
            else if (rate * t < target)
            {
                f = rate * t;
                if (f >= offLoad) (f, afterOff) = (Math.Max(0, 2 + c.Noise(0.5)), 0);
            }
            else if (t <= end)
            {
                f = target + c.Noise(1.5);
                if (t >= offTime) (f, afterOff) = (Math.Max(0, 2 + c.Noise(0.5)), 0);
            }
            else
            {
                f = Math.Max(0, target * (1 - (t - end) / 2));
            }
            var creep = rate * t >= target && afterOff < 0 ? 0.02 * (t - reachedAt) : 0;
            points.Add(new ForcePoint(R(t, 2), R(f / stiffness + creep, 3), R(f, 2)));
            if (afterOff < 0 && t > end && f <= 0) break;
        }
        return new ForceCurve(c.Header,
            Parameters(("Target load", target, "N"), ("Hold time", hold, "s"), ("Load tolerance", tolerance, "N"), ("Loading rate", rate, "N/s")),
            points.ToValueList());
    }

    /// <summary>Hook-and-loop after 5000 fatigue cycles: a shear pull to the peak, then the fastener slides apart.</summary>
    private static ForceCurve HookAndLoopShear(SimulationContext c)
    {
        const double overlapWidth = 25, overlapLength = 40;
        var strength = c.Aim(80);
        var peak = strength * overlapWidth * overlapLength / 1000;
        return new ForceCurve(c.Header,
            Parameters(("Fatigue cycles", 5000, ""), ("Overlap width", overlapWidth, "mm"), ("Overlap length", overlapLength, "mm"),
                ("Crosshead speed", 100, "mm/min")),
            TensileCurve(c, peak, 4, 100));
    }

    // ------------------------------------------------------------------ wind tunnels

    private static readonly string[] Damages =
        ["Rib 3 broken", "Rib 5 detached from the runner", "Canopy torn at rib 2", "Stretcher 4 bent", "Canopy inverted, rib 6 broken"];

    /// <summary>GB/T 31895: ramp to 15 m/s in 30 s, hold a minute, ramp down; damage when the umbrella's strength is exceeded.</summary>
    private static WindRamp WindTunnel(SimulationContext c)
    {
        const double required = 15, hold = 60, tolerance = 0.5, ramp = 30;
        var breaksAt = required * Math.Exp(c.Random.Normal(0.25, 0.15));
        var points = new List<WindPoint>();
        double? damagedAt = null;
        for (var t = 0; ; t++)
        {
            double speed;
            if (damagedAt is not null) speed = Math.Max(0, points[^1].Speed - 3);
            else if (t <= ramp) speed = required * t / ramp + (t > 0 ? c.Noise(0.08) : 0);
            else if (t <= ramp + hold + 2) speed = required + c.Noise(0.12);
            else speed = Math.Max(0, required - (t - ramp - hold - 2) * 1.5);
            speed = Math.Max(0, R(speed, 2));
            var damage = "";
            if (damagedAt is null && speed >= breaksAt)
            {
                damage = c.Random.Pick(Damages);
                damagedAt = t;
            }
            points.Add(new WindPoint(t, speed, damage));
            if (speed <= 0 && t > 0) break;
        }
        return new WindRamp(c.Header,
            Parameters(("Required speed", required, "m/s"), ("Hold time", hold, "s"), ("Speed tolerance", tolerance, "m/s"), ("Ramp time", ramp, "s")),
            points.ToValueList());
    }

    /// <summary>ASTM F3512 style: steps in the middle of Beaufort levels 3 to 9, each held a minute, until damage or the last step.</summary>
    private static WindRamp SteppedWindTunnel(SimulationContext c)
    {
        const double stepHold = 60;
        double[] steps = [4.4, 6.7, 9.4, 12.3, 15.5, 19.0, 22.6];
        var breaksAt = 12 * Math.Exp(c.Random.Normal(0, 0.28));
        var points = new List<WindPoint>();
        var t = 0.0;
        var previous = 0.0;
        var damaged = false;
        void Add(double speed)
        {
            speed = Math.Max(0, R(speed, 2));
            var damage = "";
            if (!damaged && speed >= breaksAt)
            {
                damaged = true;
                damage = c.Random.Pick(Damages);
            }
            points.Add(new WindPoint(t, speed, damage));
            t += 1;
        }
        foreach (var step in steps)
        {
            for (var k = 1; k <= 5 && !damaged; k++) Add(previous + (step - previous) * k / 5 + c.Noise(0.08));
            for (var k = 0; k <= stepHold && !damaged; k++) Add(step + c.Noise(0.12));
            previous = step;
            if (damaged) break;
        }
        for (var speed = points[^1].Speed - 3; speed > 0; speed -= 3) Add(speed);
        Add(0);
        return new WindRamp(c.Header, Parameters(("Step hold time", stepHold, "s"), ("Step ramp time", 5, "s")), points.ToValueList());
    }

    // ------------------------------------------------------------------ cycles, spectra, pressure

    private static readonly string[] OpenCloseFaults =
        ["FAULT: rib did not lock open", "FAULT: runner jammed", "FAULT: did not open fully", "FAULT: spring catch slipped"];

    /// <summary>Open/close endurance at 10 cycles/min up to the target; the tester stops at the first fault.</summary>
    private static CycleLog OpenClose(SimulationContext c)
    {
        var target = c.Limit.Kind == LimitKind.Min ? Math.Max(10, (int)Math.Ceiling(c.Limit.Lower!.Value)) : 1000;
        var faultAt = c.Random.Chance(0.08) ? c.Random.Int(1, target + 1) : int.MaxValue;
        var cycles = new List<CycleEntry>(Math.Min(target, faultAt));
        for (var n = 1; n <= target; n++)
        {
            if (n == faultAt)
            {
                cycles.Add(new CycleEntry(n, R(3.0 + c.Noise(0.05), 2), 0, c.Random.Pick(OpenCloseFaults)));
                break;
            }
            cycles.Add(new CycleEntry(n, R(1.20 + c.Noise(0.03), 2), R(1.65 + c.Noise(0.04), 2), Endurance.Ok));
        }
        return new CycleLog(c.Header, Parameters(("Target cycles", target, ""), ("Rate", 10, "cycles/min")), cycles.ToValueList());
    }

    /// <summary>
    /// Four specimens' transmittance, 290–400 nm in 5 nm steps: low in UVB, rising through UVA (a UV-absorber finish), scaled
    /// so the sample's UPF lands where aimed; each specimen scatters by about 5 %.
    /// </summary>
    private static UvSpectra UvSpectrum(SimulationContext c)
    {
        const int specimens = 4;
        var wavelengths = SolarUvWeighting.Wavelengths;
        var weights = SolarUvWeighting.Weights;
        var upf = c.Aim(50) * 1.08; // the sample's UPF is a lower confidence limit, some 8 % under the specimens' mean
        var shape = wavelengths.Select(w => 1 + 1.5 / (1 + Math.Exp(-(w - 350) / 10))).ToArray();
        var scale = weights.Sum() / (upf * weights.Select((w, i) => w * shape[i]).Sum()) * 100;
        var values = new List<ValueList<double>>();
        for (var s = 0; s < specimens; s++)
        {
            var factor = Math.Exp(c.Random.Normal(0, 0.05));
            values.Add(shape.Select(g => Math.Max(0.01, R(scale * factor * g * (1 + c.Noise(0.01)), 2))).ToValueList());
        }
        return new UvSpectra(c.Header, Parameters(("Step", 5, "nm"), ("Slit width", 2, "nm")), wavelengths.ToValueList(), values.ToValueList());
    }

    /// <summary>GB/T 4744: five specimens, water pressure rising 6.0 kPa/min, each test ending at the third drop.</summary>
    private static HydrostaticRamp Hydrostatic(SimulationContext c)
    {
        const double rate = 6.0 / 60, interval = 2;
        var mean = c.Aim(18);
        var points = new List<PressurePoint>();
        for (var s = 1; s <= 5; s++)
        {
            var third = mean * Math.Exp(c.Random.Normal(0, 0.07));
            var first = third * c.Random.Uniform(0.75, 0.9);
            var second = first + (third - first) * c.Random.Uniform(0.3, 0.7);
            for (var t = 0.0; ; t += interval)
            {
                var pressure = rate * t;
                var drops = (pressure >= first ? 1 : 0) + (pressure >= second ? 1 : 0) + (pressure >= third ? 1 : 0);
                points.Add(new PressurePoint(s, t, Math.Max(0, R(pressure + (t > 0 ? c.Noise(0.02) : 0), 2)), drops));
                if (drops >= 3) break;
            }
        }
        return new HydrostaticRamp(c.Header, Parameters(("Rate", 6.0, "kPa/min"), ("Test area", 100, "cm²")), points.ToValueList());
    }

    // ------------------------------------------------------------------ readings

    private static ReadingSet Readings(SimulationContext c, string unit, IEnumerable<(string Position, double Value)> readings,
        params (string, double, string)[] parameters) =>
        new(c.Header, Parameters(parameters), unit, readings.Select((r, i) => new Reading(i + 1, r.Position, r.Value)).ToValueList());

    /// <summary>Five durometer points (GB/T 531.1), read to 0.5 on the scale the method is booked in.</summary>
    private static ReadingSet Durometer(SimulationContext c)
    {
        var unit = c.Unit is "Asker C" ? "Asker C" : "Shore A";
        var median = c.Aim(60);
        return Readings(c, unit, Enumerable.Range(1, 5).Select(i => ($"P{i}", Step(median + c.Noise(1.0), 0.5))),
            ("Dwell time", 3, "s"), ("Specimen thickness", 6, "mm"));
    }

    /// <summary>pH of the second and third aqueous extracts (GB/T 7573).</summary>
    private static ReadingSet PhMeter(SimulationContext c)
    {
        var ph = Math.Clamp(c.Aim(6.5), 2, 12);
        return Readings(c, "pH", [("Extract 2", R(ph + c.Noise(0.03), 2)), ("Extract 3", R(ph + c.Noise(0.03), 2))],
            ("Temperature", R(20 + c.Noise(0.5), 1), "°C"));
    }

    /// <summary>Rib-tip bead diameters of the eight ribs, by calipers.</summary>
    private static ReadingSet BeadDiameters(SimulationContext c)
    {
        var smallest = c.Aim(3.8);
        return Readings(c, "mm", Enumerable.Range(1, 8).Select(i => ($"Rib {i}", R(smallest + Math.Abs(c.Noise(0.08)), 2))),
            ("Umbrellas", 1, ""));
    }

    /// <summary>The eight rib lengths against the declared size, by tape.</summary>
    private static ReadingSet RibLengths(SimulationContext c)
    {
        const double declared = 550;
        var bias = c.Aim(0);
        return Readings(c, "mm", Enumerable.Range(1, 8).Select(i => ($"Rib {i}", Step(declared + bias + c.Noise(0.5), 0.5))),
            ("Declared rib length", declared, "mm"));
    }

    /// <summary>Debond and sole cracks measured after 40 000 flexes (GB/T 3903.1).</summary>
    private static ReadingSet FlexCracks(SimulationContext c)
    {
        var longest = c.Aim(3);
        string[] positions = ["Debond, toe", "Sole crack 1", "Sole crack 2"];
        var count = c.Random.Int(1, 4);
        var readings = Enumerable.Range(0, count).Select(i => (positions[i], R(i == 0 ? longest : longest * c.Random.Uniform(0.3, 0.95), 1)));
        return Readings(c, "mm", readings, ("Flexes", 40000, ""));
    }

    /// <summary>Wear-mark length on the left and right shoe (GB/T 3903.2).</summary>
    private static ReadingSet WearMarks(SimulationContext c)
    {
        var mean = c.Aim(9);
        return Readings(c, "mm", [("Left shoe", R(mean + c.Noise(0.4), 1)), ("Right shoe", R(mean + c.Noise(0.4), 1))],
            ("Abrasion time", 20, "min"));
    }

    /// <summary>Peak force of three presses of the open button, push-pull gauge in peak-hold.</summary>
    private static ReadingSet ButtonPresses(SimulationContext c)
    {
        var mean = Math.Max(2, c.Aim(30));
        return Readings(c, "N", Enumerable.Range(1, 3).Select(i => ($"Press {i}", R(Math.Max(0.5, mean + c.Noise(1.0)), 1))),
            ("Gauge range", 500, "N"));
    }

    // ------------------------------------------------------------------ specimen tables

    /// <summary>JIS S 4020: 1.5 kg at the tip for a minute, then a minute's recovery; the residual deflection is what remains.</summary>
    private static DeflectionLog ShaftBend(SimulationContext c)
    {
        const double length = 600;
        var residual = c.AimWellBelow(3, 0.37, 0.45) / 100 * length;
        var loaded = Math.Max(residual * 2.5, 0.1 * length);
        var points = new List<DeflectionPoint>();
        for (var t = 0; t <= 120; t++)
        {
            var (phase, d) = t <= 60
                ? (ShaftBending.LoadPhase, loaded * Math.Min(1, t / 3.0) * (1 + 0.02 * t / 60))
                : (ShaftBending.RecoveryPhase, residual + (loaded * 1.02 - residual) * Math.Exp(-(t - 60) / 4.0));
            points.Add(new DeflectionPoint(t, phase, Math.Max(0, R(d + (t > 0 ? c.Noise(0.03) : 0), 2))));
        }
        return new DeflectionLog(c.Header, Parameters(("Shaft length", length, "mm"), ("Tip load", 1.5, "kg")), points.ToValueList());
    }

    /// <summary>Three specimens compressed 50 % for 22 h at 70 °C, measured after 30 min recovery.</summary>
    private static CompressionSetData CompressionSetPlates(SimulationContext c)
    {
        const double spacer = 6.25;
        var set = c.Aim(10);
        var specimens = Enumerable.Range(1, 3).Select(i =>
        {
            var original = R(12.5 + c.Noise(0.05), 2);
            var cs = Math.Max(0, set + c.Noise(0.4));
            return new CompressionSpecimen($"S{i}", original, spacer, R(original - cs / 100 * (original - spacer), 2));
        });
        return new CompressionSetData(c.Header,
            Parameters(("Temperature", 70, "°C"), ("Duration", 22, "h"), ("Compression", 50, "%"), ("Recovery time", 30, "min")),
            specimens.ToValueList());
    }

    /// <summary>Three rectangular specimens weighed to 0.1 mg and measured to 0.01 mm; density in g/cm³.</summary>
    private static DensityData Densities(SimulationContext c, double density, double length, double width, double thickness)
    {
        var specimens = Enumerable.Range(1, 3).Select(i =>
        {
            var (l, w, t) = (R(length + c.Noise(0.1), 2), R(width + c.Noise(0.1), 2), R(thickness + c.Noise(0.05), 2));
            var rho = density * (1 + c.Noise(0.007));
            return new DensitySpecimen($"S{i}", R(rho * l * w * t / 1000, 4), l, w, t);
        });
        return new DensityData(c.Header, Parameters(("Temperature", 23, "°C")), specimens.ToValueList());
    }

    /// <summary>ISO 4649 method A: three test specimens and three runs of the reference compound, weighed before and after 40 m.</summary>
    private static DinAbrasionData DinAbrader(SimulationContext c)
    {
        var density = R(1.15 + c.Noise(0.02), 3);
        var volumeLoss = c.Aim(190);
        var referenceLoss = 190 + c.Noise(8);
        var testLoss = volumeLoss * density * referenceLoss / DinAbrasion.ReferenceDefinedLossMg;
        var specimens = new List<AbrasionSpecimen>();
        for (var i = 1; i <= 3; i++)
        {
            var before = R(1.40 + c.Noise(0.02), 4);
            specimens.Add(new AbrasionSpecimen($"T{i}", DinAbrasionData.Test, before, R(before - (testLoss + c.Noise(3)) / 1000, 4)));
        }
        for (var i = 1; i <= 3; i++)
        {
            var before = R(1.45 + c.Noise(0.02), 4);
            specimens.Add(new AbrasionSpecimen($"R{i}", DinAbrasionData.Reference, before, R(before - (referenceLoss + c.Noise(3)) / 1000, 4)));
        }
        return new DinAbrasionData(c.Header, Parameters(("Test density", density, "g/cm³"), ("Abrasion path", 40, "m"), ("Load", 10, "N")),
            specimens.ToValueList());
    }

    /// <summary>Slip tester at 500 N and 0.3 m/s, 200 samples a second from the start of sliding: a static peak, then sliding.</summary>
    private static SlipTrace SlipTester(SimulationContext c)
    {
        const double load = 500;
        var mu = c.Aim(0.38);
        var points = new List<FrictionPoint>();
        for (var k = 0; k <= 160; k++)
        {
            var t = k / 200.0;
            var normal = load + c.Noise(2);
            var coefficient = t switch
            {
                < 0.05 => mu * 1.3 * t / 0.05,
                < 0.15 => mu * (1.3 - 0.3 * (t - 0.05) / 0.1),
                _ => mu,
            };
            points.Add(new FrictionPoint(R(t, 3), R(normal, 1), R(Math.Max(0, coefficient * normal + c.Noise(3)), 1)));
        }
        return new SlipTrace(c.Header,
            Parameters(("Normal load", load, "N"), ("Sliding speed", 0.3, "m/s"), ("Window start", 0.3, "s"), ("Window end", 0.6, "s")),
            points.ToValueList());
    }

    // ------------------------------------------------------------------ concentrations

    /// <summary>GB/T 2912.1: about 1 g in 100 mL water, two replicate readings at 412 nm against the calibration.</summary>
    private static ConcentrationData Formaldehyde(SimulationContext c)
    {
        const double volume = 100;
        var mass = R(1 + c.Noise(0.01), 4);
        var content = c.Aim(30);
        var readings = Enumerable.Range(1, 2).Select(r => new ConcentrationReading(r, "Formaldehyde", R(Math.Max(0, content * (1 + c.Noise(0.02))) * mass / volume, 4)));
        return new ConcentrationData(c.Header,
            Parameters(("Specimen mass", mass, "g"), ("Extract volume", volume, "mL"), ("Dilution factor", 1, ""), ("Wavelength", 412, "nm")),
            readings.ToValueList());
    }

    private static readonly string[] Amines =
    [
        "4-aminobiphenyl", "benzidine", "4-chloro-o-toluidine", "2-naphthylamine", "o-aminoazotoluene", "5-nitro-o-toluidine",
        "4-chloroaniline", "2,4-diaminoanisole", "4,4'-diaminodiphenylmethane", "3,3'-dichlorobenzidine", "3,3'-dimethoxybenzidine",
        "3,3'-dimethylbenzidine", "3,3'-dimethyl-4,4'-diaminodiphenylmethane", "p-cresidine", "4,4'-methylene-bis(2-chloroaniline)",
        "4,4'-oxydianiline", "4,4'-thiodianiline", "o-toluidine", "2,4-toluylenediamine", "2,4,5-trimethylaniline", "o-anisidine",
        "4-aminoazobenzene", "2,4-xylidine", "2,6-xylidine",
    ];

    /// <summary>GB/T 17592: the 24 listed amines by GC-MS, 1 g of specimen, extract made up to 2 mL; mostly not detected.</summary>
    private static ConcentrationData AromaticAmines(SimulationContext c)
    {
        const double volume = 2;
        var mass = R(1 + c.Noise(0.005), 4);
        var highest = c.AimWellBelow(5, 0.3, 0.6);
        var which = c.Random.Int(0, Amines.Length);
        var readings = Amines.Select((amine, i) =>
        {
            var content = i == which ? highest : c.Random.Chance(0.8) ? 0 : c.Random.Uniform(0, Math.Min(2, highest));
            return new ConcentrationReading(1, amine, R(content * mass / volume, 4));
        });
        return new ConcentrationData(c.Header,
            Parameters(("Specimen mass", mass, "g"), ("Extract volume", volume, "mL"), ("Dilution factor", 1, "")), readings.ToValueList());
    }

    /// <summary>GB 6675.4: about 0.1 g of the handle's coating in 50 times its mass of 0.07 mol/L HCl, eight elements by ICP-OES.</summary>
    private static ConcentrationData MigratableElements(SimulationContext c)
    {
        var mass = R(0.1 + c.Noise(0.002), 4);
        var volume = R(mass * 50, 2);
        (string Element, double Content)[] contents =
        [
            ("Sb", c.Random.Uniform(0, 5)), ("As", c.Random.Uniform(0, 2)), ("Ba", c.Random.Uniform(5, 80)), ("Cd", c.Random.Uniform(0, 3)),
            ("Cr", c.Random.Uniform(0, 8)), ("Pb", c.AimWellBelow(20, 0.3, 0.5)), ("Hg", c.Random.Uniform(0, 0.5)), ("Se", c.Random.Uniform(0, 3)),
        ];
        var readings = contents.Select(x => new ConcentrationReading(1, x.Element, R(x.Content * mass / volume, 4)));
        return new ConcentrationData(c.Header,
            Parameters(("Specimen mass", mass, "g"), ("Extract volume", volume, "mL"), ("Dilution factor", 1, "")), readings.ToValueList());
    }

    // ------------------------------------------------------------------ run logs of manual methods

    private static RunLog Crockmeter(SimulationContext c) => new(c.Header,
        Parameters(("Rubbing force", 9, "N"), ("Cycles", 10, ""), ("Stroke", 104, "mm")),
        [
            new RunEvent(0, "Dry rub started"), new RunEvent(R(10 + c.Noise(0.2), 1), "Dry rub done, 10 cycles"),
            new RunEvent(R(95 + c.Noise(5), 1), "Wet rub started"), new RunEvent(R(105 + c.Noise(5), 1), "Wet rub done, 10 cycles"),
        ]);

    /// <summary>The log an instrument keeps of a run whose result a person reads: its settings, when it started and ended.</summary>
    private static RunLog OperationLog(SimulationContext c, InstrumentType type, string started, string finished)
    {
        var (parameters, duration) = type switch
        {
            InstrumentType.RainTester => (Parameters(("Rain intensity", 20, "mm/h"), ("Duration", 20, "min")), 1200.0),
            InstrumentType.ImpactRig => (Parameters(("Drop height", 500, "mm"), ("Impacts", 3, "")), 90.0),
            InstrumentType.Launderometer => (Parameters(("Temperature", 40, "°C"), ("Duration", 30, "min"), ("Steel balls", 10, "")), 1800.0),
            InstrumentType.SprayTester => (Parameters(("Water volume", 250, "mL"), ("Spray time", 27, "s")), 27.0),
            InstrumentType.ForceGauge => (Parameters(("Applied force", 20, "N")), 30.0),
            _ => (ValueList<RawParameter>.Empty, 60.0),
        };
        return new RunLog(c.Header, parameters, [new RunEvent(0, started), new RunEvent(R(duration + c.Noise(1), 1), finished)]);
    }
}
