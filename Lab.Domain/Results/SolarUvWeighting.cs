namespace Lab.Domain.Results;

/// <summary>
/// The weighting of UPF (GB/T 18830-2009, AS/NZS 4399, EN 13758-1): at each wavelength λ from 290 to 400 nm in 5 nm steps,
/// the solar spectral irradiance S(λ) times the relative erythemal effectiveness ε(λ) (times Δλ = 5 nm, which cancels).
/// <para>
/// ε(λ) is the CIE erythema reference action spectrum (ISO 17166:1999 / CIE S 007/E:1998, after McKinlay and Diffey
/// 1987): 1 up to 298 nm, 10^(0.094·(298 − λ)) to 328 nm, 10^(0.015·(140 − λ)) to 400 nm; it is computed, not tabulated.
/// </para>
/// <para>
/// S(λ) (W·m⁻²·nm⁻¹): GB/T 18830-2009 Annex A tabulates the Albuquerque (New Mexico, 3 July 1990, noon) solar spectrum
/// that EN 13758-1 and AATCC 183 use. That table was not available when this was written, so the values below are an
/// interim stand-in: the ASTM G173-03 global tilted (AM1.5, 37°) reference spectrum, averaged over each 5 nm band
/// (λ − 2.5 nm to λ + 2.5 nm) of its 0.5 nm table. It weights UVB somewhat less than the Albuquerque noon spectrum does.
/// The quality manager replaces this column with the standard's Table A.1 before UPF results are issued under
/// accreditation; nothing else changes.
/// </para>
/// </summary>
public static class SolarUvWeighting
{
    public const double FirstWavelength = 290;
    public const double LastWavelength = 400;
    public const double Step = 5;

    /// <summary>S(λ) in W·m⁻²·nm⁻¹ at 290, 295, ..., 400 nm (23 values; see the class remarks for the source).</summary>
    public static IReadOnlyList<double> SolarIrradiance { get; } =
    [
        6.486e-8,  // 290
        3.633e-5,  // 295
        1.404e-3,  // 300
        1.602e-2,  // 305
        6.073e-2,  // 310
        0.1306,    // 315
        0.2123,    // 320
        0.3110,    // 325
        0.4182,    // 330
        0.4205,    // 335
        0.4714,    // 340
        0.4721,    // 345
        0.5081,    // 350
        0.5517,    // 355
        0.5115,    // 360
        0.6546,    // 365
        0.6970,    // 370
        0.6296,    // 375
        0.7242,    // 380
        0.5829,    // 385
        0.7475,    // 390
        0.6088,    // 395
        1.074,     // 400
    ];

    public static IReadOnlyList<double> Wavelengths { get; } =
        Enumerable.Range(0, 23).Select(i => FirstWavelength + i * Step).ToArray();

    /// <summary>CIE erythema reference action spectrum ε(λ), relative to 1 at 298 nm and below.</summary>
    public static double ErythemalEffectiveness(double wavelength) => wavelength switch
    {
        <= 298 => 1.0,
        <= 328 => Math.Pow(10, 0.094 * (298 - wavelength)),
        <= 400 => Math.Pow(10, 0.015 * (140 - wavelength)),
        _ => 0.0,
    };

    /// <summary>S(λ)·ε(λ) at each of <see cref="Wavelengths"/>.</summary>
    public static IReadOnlyList<double> Weights { get; } =
        Wavelengths.Select((w, i) => SolarIrradiance[i] * ErythemalEffectiveness(w)).ToArray();
}
