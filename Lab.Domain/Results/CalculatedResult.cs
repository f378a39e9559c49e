namespace Lab.Domain.Results;

/// <summary>
/// What a calculation makes of raw data: the reported quantity in the method's unit, not yet rounded (the analysis
/// rounds it to the method's precision). <see cref="MeetsRequirement"/> is the finding of a pass/fail method that an
/// instrument can judge (wind resistance held at 15 m/s, handle held its load); it is null for a measured value,
/// which the method's limit judges. <see cref="Details"/> are further quantities worth keeping (T(UVA)AV beside UPF).
/// </summary>
public sealed record CalculatedResult
{
    public CalculatedResult(double value, string unit, bool? meetsRequirement = null, ValueList<ResultDetail>? details = null)
    {
        if (!double.IsFinite(value)) throw new CalculationException($"The calculation gave {value}, not a finite number.");
        Value = value;
        Unit = unit ?? "";
        MeetsRequirement = meetsRequirement;
        Details = details ?? ValueList<ResultDetail>.Empty;
    }

    public double Value { get; }
    public string Unit { get; }
    public bool? MeetsRequirement { get; }
    public ValueList<ResultDetail> Details { get; }

    public void Deconstruct(out double value, out string unit)
    {
        value = Value;
        unit = Unit;
    }
}

/// <summary>A further quantity computed from the same raw data, e.g. "T(UVA)AV" = 3.2 %.</summary>
public sealed record ResultDetail(string Name, double Value, string Unit);
