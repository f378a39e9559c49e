namespace Lab.Domain.Results;

/// <summary>How one method's result is calculated from its instrument's raw data, in which format and unit.</summary>
public sealed class MethodCalculation
{
    private readonly Func<RawRecord, CalculatedResult> _calculate;

    internal MethodCalculation(string methodCode, string format, string unit, string description, Func<RawRecord, CalculatedResult> calculate)
    {
        MethodCode = methodCode;
        Format = format;
        Unit = unit;
        Description = description;
        _calculate = calculate;
    }

    public string MethodCode { get; }
    /// <summary>The raw-data format the calculation reads (<see cref="RawFormats"/>).</summary>
    public string Format { get; }
    /// <summary>The unit of the value (a durometer reports the scale its readings were taken on).</summary>
    public string Unit { get; }
    /// <summary>What is calculated, in the lab's words: "Peak force", "UPF (GB/T 18830)".</summary>
    public string Description { get; }

    public CalculatedResult Calculate(RawRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Format != Format)
            throw new CalculationException($"{MethodCode} is calculated from {Format} data, not {record.Format}.");
        return _calculate(record);
    }

    public override string ToString() => $"{MethodCode}: {Description} ({Format})";
}

/// <summary>
/// Which calculation turns an instrument's raw data into each method's result. Methods whose result a person reads off
/// (grey-scale grades, visual pass/fail inspections) have none: they are <see cref="Manual"/>, entered by hand.
/// </summary>
public static class MethodCalculations
{
    private static readonly Dictionary<string, MethodCalculation> ByCode = Build().ToDictionary(c => c.MethodCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>Seeded methods without an instrument calculation: the result is read and entered by a person.</summary>
    public static IReadOnlySet<string> Manual { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "UMB-RAIN", // leakage seen under artificial rain
        "UMB-RUN",  // runner slips or wobbles: inspection
        "UMB-CF",   // grey-scale staining grade
        "UMB-CH",   // children's umbrella, clause by clause
        "FTW-RUB",  // grey-scale staining grade
        "TEX-SPR",  // spray rating against the photographic scale
        "TEX-CFR",  // grey-scale staining grade
        "TEX-CFW",  // grey-scale change grade
    };

    public static IReadOnlyCollection<MethodCalculation> All => ByCode.Values;

    /// <summary>The method's calculation, or null for a method without one (manual entry, or a code not known here).</summary>
    public static MethodCalculation? For(string methodCode) =>
        methodCode is not null && ByCode.TryGetValue(methodCode.Trim(), out var c) ? c : null;

    private static IEnumerable<MethodCalculation> Build()
    {
        // ---- force curves (universal testing machine, hook-and-loop fatigue tester)
        foreach (var code in new[] { "UMB-FRAME", "UMB-TEN", "TEX-TEN" })
            yield return Of<ForceCurve>(code, RawFormats.ForceCurve, "N", "Peak force",
                r => new CalculatedResult(ForceCurves.PeakForce(r.Points), "N"));

        yield return Of<ForceCurve>("UMB-HDL", RawFormats.ForceCurve, "N", "Static pull held for the hold time",
            r =>
            {
                var hold = ForceCurves.Hold(r.Points, r.PositiveParameter("Target load", "N"), r.PositiveParameter("Hold time", "s"),
                    r.Parameter("Load tolerance", "N"));
                return new CalculatedResult(hold.Load, "N", hold.Held);
            });

        foreach (var code in new[] { "FTW-PEEL", "FTW-OMB" })
            yield return Of<ForceCurve>(code, RawFormats.ForceCurve, "N/cm", "Peel strength: plateau force (10–90 % of travel) / width",
                r => new CalculatedResult(ForceCurves.PeelStrength(r.Points, r.PositiveParameter("Specimen width", "mm")), "N/cm",
                    details: [new ResultDetail("Plateau force", ForceCurves.PlateauForce(r.Points), "N")]));

        foreach (var code in new[] { "FTW-TEN", "FOM-RTEN" })
            yield return Of<ForceCurve>(code, RawFormats.ForceCurve, "MPa", "Tensile strength: peak force / cross-section",
                r => Tensile(r, 1, "MPa"));

        yield return Of<ForceCurve>("FOM-TEN", RawFormats.ForceCurve, "kPa", "Tensile strength: peak force / cross-section",
            r => Tensile(r, 1000, "kPa"));

        yield return Of<ForceCurve>("FTW-HLP", RawFormats.ForceCurve, "kPa", "Shear strength after fatigue: peak force / overlap area",
            r => new CalculatedResult(
                ForceCurves.ShearStrength(r.Points, r.PositiveParameter("Overlap width", "mm") * r.PositiveParameter("Overlap length", "mm")), "kPa",
                details: [new ResultDetail("Fatigue cycles", r.Parameter("Fatigue cycles", ""), "")]));

        // ---- wind tunnels
        yield return Of<WindRamp>("UMB-WIND", RawFormats.WindRamp, "m/s", "Wind speed at first damage, or held; pass when the required speed is held undamaged",
            r =>
            {
                var o = WindResistance.Evaluate(r.Points, r.PositiveParameter("Required speed", "m/s"), r.PositiveParameter("Hold time", "s"),
                    r.Parameter("Speed tolerance", "m/s"));
                return new CalculatedResult(o.Speed, "m/s", o.Passed);
            });

        yield return Of<WindRamp>("UMB-MU", RawFormats.WindRamp, "", "Beaufort rating: highest level held for the step time undamaged",
            r =>
            {
                var hold = r.PositiveParameter("Step hold time", "s");
                var sustained = WindResistance.HighestSustainedSpeed(r.Points, hold);
                return new CalculatedResult(WindResistance.BeaufortNumber(sustained), "",
                    details: [new ResultDetail("Highest speed held", sustained, "m/s")]);
            });

        // ---- cycles
        yield return Of<CycleLog>("UMB-OC", RawFormats.CycleLog, "", "Cycles completed before the first failure",
            r => new CalculatedResult(Endurance.CyclesBeforeFirstFailure(r.Cycles), ""));

        // ---- UV transmittance
        foreach (var code in new[] { "UMB-UPF", "TEX-UPF" })
            yield return Of<UvSpectra>(code, RawFormats.UvSpectrum, "", "UPF (GB/T 18830), with T(UVA)AV and T(UVB)AV",
                r =>
                {
                    var uv = UvProtection.Evaluate(r.Wavelengths, r.Specimens);
                    return new CalculatedResult(uv.Upf, "", details:
                    [
                        new ResultDetail("T(UVA)AV", uv.TuvaAv, "%"),
                        new ResultDetail("T(UVB)AV", uv.TuvbAv, "%"),
                        new ResultDetail("UPF mean of specimens", uv.MeanUpf, ""),
                    ]);
                });

        // ---- hydrostatic head
        yield return Of<HydrostaticRamp>("TEX-HYD", RawFormats.Hydrostatic, "kPa", "Pressure at the third drop, mean of specimens",
            r =>
            {
                var (mean, specimens) = HydrostaticHead.Evaluate(r.Points);
                return new CalculatedResult(mean, "kPa", details: specimens.Select((p, i) => new ResultDetail($"Specimen {i + 1}", p, "kPa")).ToValueList());
            });

        // ---- readings
        foreach (var code in new[] { "FTW-HRD", "FOM-HRD" })
            yield return Of<ReadingSet>(code, RawFormats.Readings, "Shore A", "Median of the durometer readings",
                r => new CalculatedResult(ReadingStatistics.Median(Values(r, "Shore A", "Asker C")), r.Unit));

        yield return Of<ReadingSet>("TEX-PH", RawFormats.Readings, "", "Mean of the two extracts' pH",
            r => new CalculatedResult(ReadingStatistics.Mean(Values(r, "pH")), ""));

        yield return Of<ReadingSet>("UMB-TIP", RawFormats.Readings, "mm", "Smallest rib-tip bead diameter",
            r => new CalculatedResult(ReadingStatistics.Min(Values(r, "mm")), "mm"));

        yield return Of<ReadingSet>("UMB-DIM", RawFormats.Readings, "mm", "Largest deviation of a rib length from the declared size",
            r => new CalculatedResult(ReadingStatistics.WorstDeviation(Values(r, "mm"), r.PositiveParameter("Declared rib length", "mm")), "mm"));

        yield return Of<ReadingSet>("FTW-FLX", RawFormats.Readings, "mm", "Longest crack or debond after flexing",
            r => new CalculatedResult(ReadingStatistics.Max(Values(r, "mm")), "mm"));

        yield return Of<ReadingSet>("FTW-ABR", RawFormats.Readings, "mm", "Mean wear-mark length",
            r => new CalculatedResult(ReadingStatistics.Mean(Values(r, "mm")), "mm"));

        yield return Of<ReadingSet>("UMB-BTN", RawFormats.Readings, "N", "Mean peak force of the button presses",
            r => new CalculatedResult(ReadingStatistics.Mean(Values(r, "N")), "N"));

        // ---- specimen tables
        yield return Of<DeflectionLog>("UMB-SHB", RawFormats.Deflection, "%", "Residual deflection / shaft length",
            r => new CalculatedResult(ShaftBending.ResidualPercent(r.Points, r.PositiveParameter("Shaft length", "mm")), "%"));

        yield return Of<CompressionSetData>("FOM-CS", RawFormats.CompressionSet, "%", "Compression set, median of specimens",
            r => new CalculatedResult(CompressionSet.Median(r.Specimens), "%"));

        yield return Of<DensityData>("FOM-DEN", RawFormats.Density, "kg/m³", "Apparent density, mean of specimens",
            r => new CalculatedResult(Density.MeanGramsPerCubicCentimetre(r.Specimens) * 1000, "kg/m³"));

        yield return Of<DensityData>("FTW-DEN", RawFormats.Density, "g/cm³", "Apparent density, mean of specimens",
            r => new CalculatedResult(Density.MeanGramsPerCubicCentimetre(r.Specimens), "g/cm³"));

        yield return Of<DinAbrasionData>("FTW-DIN", RawFormats.DinAbrasion, "mm³", "Relative volume loss (ISO 4649 method A)",
            r => new CalculatedResult(DinAbrasion.RelativeVolumeLoss(r.Specimens, r.PositiveParameter("Test density", "g/cm³")), "mm³"));

        yield return Of<SlipTrace>("FTW-SLIP", RawFormats.Slip, "", "Dynamic coefficient of friction over the sliding window",
            r => new CalculatedResult(
                SlipResistance.DynamicCoefficient(r.Points, r.Parameter("Window start", "s"), r.PositiveParameter("Window end", "s")), ""));

        // ---- concentrations in an extract
        foreach (var code in new[] { "UMB-HCHO", "TEX-HCHO" })
            yield return Of<ConcentrationData>(code, RawFormats.Concentration, "mg/kg", "Formaldehyde content, mean of replicates",
                r => Analyte(r, "Formaldehyde"));

        foreach (var code in new[] { "UMB-AZO", "FTW-AZO" })
            yield return Of<ConcentrationData>(code, RawFormats.Concentration, "mg/kg", "Highest single aromatic amine",
                r =>
                {
                    var contents = Contents(r);
                    return new CalculatedResult(contents.Max(c => c.Content), "mg/kg",
                        details: contents.Select(c => new ResultDetail(c.Analyte, c.Content, "mg/kg")).ToValueList());
                });

        yield return Of<ConcentrationData>("UMB-HM", RawFormats.Concentration, "mg/kg", "Migratable lead (Pb); other elements kept as details",
            r => Analyte(r, "Pb"));
    }

    private static MethodCalculation Of<T>(string code, string format, string unit, string description, Func<T, CalculatedResult> calculate)
        where T : RawRecord =>
        new(code, format, unit, description, record => record is T typed
            ? calculate(typed)
            : throw new CalculationException($"{code} needs {format} data; the record is a {record.GetType().Name}."));

    private static CalculatedResult Tensile(ForceCurve r, double scale, string unit) =>
        new(ForceCurves.TensileStrength(r.Points, r.PositiveParameter("Specimen width", "mm"), r.PositiveParameter("Specimen thickness", "mm")) * scale,
            unit, details: [new ResultDetail("Peak force", ForceCurves.PeakForce(r.Points), "N")]);

    private static List<double> Values(ReadingSet r, params string[] units)
    {
        if (!units.Contains(r.Unit, StringComparer.Ordinal))
            throw new CalculationException($"The readings are in '{r.Unit}'; this method reads {string.Join(" or ", units.Select(u => $"'{u}'"))}.");
        return r.Readings.Select(x => x.Value).ToList();
    }

    private static IReadOnlyList<(string Analyte, double Content)> Contents(ConcentrationData r) =>
        ExtractContent.Contents(r.Readings, r.PositiveParameter("Extract volume", "mL"), r.PositiveParameter("Specimen mass", "g"),
            r.PositiveParameter("Dilution factor", ""));

    private static CalculatedResult Analyte(ConcentrationData r, string analyte)
    {
        var contents = Contents(r);
        var found = contents.Where(c => string.Equals(c.Analyte, analyte, StringComparison.OrdinalIgnoreCase)).ToList();
        if (found.Count == 0) throw new CalculationException($"The extract's readings have no {analyte}.");
        return new CalculatedResult(found[0].Content, "mg/kg",
            details: contents.Select(c => new ResultDetail(c.Analyte, c.Content, "mg/kg")).ToValueList());
    }
}
