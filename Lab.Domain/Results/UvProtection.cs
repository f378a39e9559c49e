namespace Lab.Domain.Results;

/// <summary>
/// UV protection of a sample: its UPF (the number judged against the limit), the mean of the specimens' UPF and the
/// mean transmittances T(UVA)AV (315–400 nm) and T(UVB)AV (290–315 nm) in %.
/// </summary>
public sealed record UvProtectionResult(double Upf, double MeanUpf, double TuvaAv, double TuvbAv, ValueList<double> SpecimenUpf);

/// <summary>UPF and UVA/UVB transmittance per GB/T 18830-2009 (AS/NZS 4399, EN 13758-1) from transmittance spectra.</summary>
public static class UvProtection
{
    /// <summary>
    /// UPF of one specimen: Σ S(λ)ε(λ)Δλ / Σ S(λ)ε(λ)T(λ)Δλ over 290–400 nm, with T as a fraction. The spectrum must hold
    /// every 5 nm step from 290 to 400 nm (extra wavelengths are ignored); transmittance is in %.
    /// </summary>
    public static double SpecimenUpf(IReadOnlyList<double> wavelengths, IReadOnlyList<double> transmittancePercent)
    {
        var t = OnWeightingGrid(wavelengths, transmittancePercent);
        var weights = SolarUvWeighting.Weights;
        double total = 0, transmitted = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            transmitted += weights[i] * t[i] / 100;
        }
        if (transmitted <= 0) throw new CalculationException("The specimen transmits no UV at all: its UPF is undefined (check the baseline of the spectrophotometer).");
        return total / transmitted;
    }

    /// <summary>Mean transmittance (%) from <paramref name="from"/> to <paramref name="to"/> nm, both included.</summary>
    public static double MeanTransmittance(IReadOnlyList<double> wavelengths, IReadOnlyList<double> transmittancePercent, double from, double to)
    {
        var t = OnWeightingGrid(wavelengths, transmittancePercent);
        var grid = SolarUvWeighting.Wavelengths;
        var selected = Enumerable.Range(0, grid.Count).Where(i => grid[i] >= from && grid[i] <= to).Select(i => t[i]).ToList();
        return selected.Count > 0 ? selected.Average() : throw new CalculationException($"No wavelength between {from} and {to} nm.");
    }

    /// <summary>
    /// The sample's result from n specimens (GB/T 18830-2009 §7): UPF = UPF_AV − t(α/2, n−1)·s/√n with α = 0.05 (the
    /// lower 95 % confidence limit of the mean), but never above the lowest specimen's UPF; one specimen is its own UPF.
    /// T(UVA)AV and T(UVB)AV are the means over specimens of each specimen's mean over 315–400 and 290–315 nm.
    /// </summary>
    public static UvProtectionResult Evaluate(IReadOnlyList<double> wavelengths, IReadOnlyList<IReadOnlyList<double>> specimens)
    {
        ArgumentNullException.ThrowIfNull(specimens);
        if (specimens.Count == 0) throw new CalculationException("The UV record holds no specimen.");
        var upf = specimens.Select(s => SpecimenUpf(wavelengths, s)).ToList();
        var mean = upf.Average();
        var sample = mean;
        if (upf.Count > 1)
        {
            var sd = Math.Sqrt(upf.Sum(u => (u - mean) * (u - mean)) / (upf.Count - 1));
            sample = Math.Min(mean - StudentT975(upf.Count - 1) * sd / Math.Sqrt(upf.Count), upf.Min());
        }
        var tuva = specimens.Average(s => MeanTransmittance(wavelengths, s, 315, 400));
        var tuvb = specimens.Average(s => MeanTransmittance(wavelengths, s, 290, 315));
        return new UvProtectionResult(sample, mean, tuva, tuvb, upf.ToValueList());
    }

    /// <summary>Two-sided 95 % Student t (t at 0.975) for 1 to 30 degrees of freedom; 1.960 beyond.</summary>
    public static double StudentT975(int degreesOfFreedom) => degreesOfFreedom switch
    {
        < 1 => throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom)),
        <= 30 => StudentT[degreesOfFreedom - 1],
        _ => 1.960,
    };

    private static readonly double[] StudentT =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The transmittance at each wavelength of the weighting grid (290, 295, ..., 400 nm).</summary>
    private static double[] OnWeightingGrid(IReadOnlyList<double> wavelengths, IReadOnlyList<double> transmittance)
    {
        ArgumentNullException.ThrowIfNull(wavelengths);
        ArgumentNullException.ThrowIfNull(transmittance);
        if (wavelengths.Count != transmittance.Count)
            throw new CalculationException($"The spectrum has {wavelengths.Count} wavelengths but {transmittance.Count} transmittance values.");
        var grid = SolarUvWeighting.Wavelengths;
        var result = new double[grid.Count];
        for (var i = 0; i < grid.Count; i++)
        {
            var at = -1;
            for (var j = 0; j < wavelengths.Count; j++)
                if (Math.Abs(wavelengths[j] - grid[i]) < 1e-6) { at = j; break; }
            if (at < 0) throw new CalculationException($"The spectrum has no value at {grid[i]} nm; UPF needs every 5 nm from 290 to 400 nm.");
            var t = transmittance[at];
            if (!(t >= 0 && t <= 100)) throw new CalculationException($"The transmittance at {grid[i]} nm is {t} %; it lies between 0 and 100 %.");
            result[i] = t;
        }
        return result;
    }
}
