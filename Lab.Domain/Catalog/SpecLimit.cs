using System.Globalization;
using Lab.Domain.Common;

namespace Lab.Domain.Catalog;

public enum LimitKind { Min, Max, Range, Grade, PassFail }

public enum Verdict { Pass, Fail, Inconclusive }

/// <summary>How a result is compared with the limit; the customer agrees it when booking (ILAC-G8).</summary>
public enum DecisionRule
{
    /// <summary>The measured value against the limit, uncertainty not taken into account.</summary>
    SimpleAcceptance,
    /// <summary>
    /// A guard band of the expanded uncertainty U: pass only when the whole interval value ± U is inside
    /// the limit, fail only when it is wholly outside; anything else is inconclusive.
    /// </summary>
    GuardBand,
}

/// <summary>
/// A method's requirement (标准要求). Min / Max / Range compare a measured value; Grade compares a grade on
/// the method's scale (colour-fastness 1–5 with half grades, hydrostatic levels...) against a lowest
/// acceptable grade; PassFail is an inspection whose result is a yes/no finding.
/// </summary>
public sealed record SpecLimit
{
    public LimitKind Kind { get; }
    public double? Lower { get; }
    public double? Upper { get; }
    /// <summary>True where the standard says "greater than" rather than "at least" (UPF &gt; 40).</summary>
    public bool LowerExclusive { get; }
    public bool UpperExclusive { get; }

    private SpecLimit(LimitKind kind, double? lower, double? upper, bool lowerExclusive, bool upperExclusive)
    {
        if (lower is { } l && !double.IsFinite(l) || upper is { } u && !double.IsFinite(u))
            throw new DomainException("limit-not-finite", "A limit must be a finite number.");
        switch (kind)
        {
            case LimitKind.Min or LimitKind.Grade when lower is null || upper is not null:
                throw new DomainException("limit-shape", $"A {kind} limit has a lower value only.");
            case LimitKind.Max when upper is null || lower is not null:
                throw new DomainException("limit-shape", "A Max limit has an upper value only.");
            case LimitKind.Range when lower is null || upper is null:
                throw new DomainException("limit-shape", "A Range limit has a lower and an upper value.");
            case LimitKind.Range when lower > upper:
                throw new DomainException("limit-shape", "A Range limit's lower value cannot exceed its upper value.");
            case LimitKind.PassFail when lower is not null || upper is not null:
                throw new DomainException("limit-shape", "A PassFail limit has no values.");
        }
        Kind = kind;
        Lower = lower;
        Upper = upper;
        LowerExclusive = lowerExclusive;
        UpperExclusive = upperExclusive;
    }

    public static SpecLimit Min(double lower, bool exclusive = false) => new(LimitKind.Min, lower, null, exclusive, false);
    public static SpecLimit Max(double upper, bool exclusive = false) => new(LimitKind.Max, null, upper, false, exclusive);
    public static SpecLimit Range(double lower, double upper) => new(LimitKind.Range, lower, upper, false, false);
    public static SpecLimit MinGrade(double lowestAcceptable) => new(LimitKind.Grade, lowestAcceptable, null, false, false);
    public static SpecLimit PassFail() => new(LimitKind.PassFail, null, null, false, false);

    /// <summary>Rebuilds a limit from its stored parts (EF, imports); validates like the factories.</summary>
    public static SpecLimit From(LimitKind kind, double? lower, double? upper, bool lowerExclusive = false, bool upperExclusive = false) =>
        new(kind, lower, upper, lowerExclusive, upperExclusive);

    /// <summary>
    /// Judges a measured value. Under <see cref="DecisionRule.GuardBand"/> the expanded uncertainty
    /// <paramref name="uncertainty"/> widens the zone around each limit where no decision is made; without a
    /// known uncertainty the guard band is zero, which is simple acceptance.
    /// </summary>
    public Verdict Judge(double value, DecisionRule rule = DecisionRule.SimpleAcceptance, double? uncertainty = null)
    {
        if (!double.IsFinite(value))
            throw new DomainException("value-not-finite", "A measured value must be a finite number.");
        if (Kind == LimitKind.PassFail)
            throw new DomainException("limit-passfail", "A pass/fail inspection is judged from its finding, not a number.");
        if (uncertainty is < 0)
            throw new DomainException("uncertainty-negative", "An expanded uncertainty cannot be negative.");

        var band = rule == DecisionRule.GuardBand ? uncertainty ?? 0 : 0;
        // Grades are read off a scale, not measured: no uncertainty applies.
        if (Kind == LimitKind.Grade) band = 0;

        var (low, high) = (Shift(value, -band), Shift(value, band));
        var lowerOk = Lower is not { } lo || Above(low, lo, LowerExclusive);
        var upperOk = Upper is not { } hi || Below(high, hi, UpperExclusive);
        if (lowerOk && upperOk) return Verdict.Pass;

        var lowerFail = Lower is { } lo2 && !Above(high, lo2, LowerExclusive);
        var upperFail = Upper is { } hi2 && !Below(low, hi2, UpperExclusive);
        return lowerFail || upperFail ? Verdict.Fail : Verdict.Inconclusive;
    }

    /// <summary>Judges an inspection: the item meets the requirement, or it does not.</summary>
    public Verdict Judge(bool meetsRequirement) => Kind == LimitKind.PassFail
        ? meetsRequirement ? Verdict.Pass : Verdict.Fail
        : throw new DomainException("limit-numeric", $"A {Kind} limit is judged from a measured value.");

    /// <summary>
    /// value + by, computed on the decimal figures as written: in binary 0.2 + 0.1 &gt; 0.3, which would make a result
    /// exactly one U inside a limit inconclusive (and one exactly U outside it a fail).
    /// </summary>
    private static double Shift(double value, double by) =>
        by == 0 ? value
        : Math.Abs(value) < 1e15 && Math.Abs(by) < 1e15 ? (double)((decimal)value + (decimal)by)
        : value + by;

    private static bool Above(double value, double limit, bool exclusive) => exclusive ? value > limit : value >= limit;
    private static bool Below(double value, double limit, bool exclusive) => exclusive ? value < limit : value <= limit;

    /// <summary>A compact, language-neutral form: "≥ 40", "≤ 75", "4.0 – 8.5", "≥ grade 3", "pass/fail".</summary>
    public string Describe(string? unit = null)
    {
        string F(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
        var u = string.IsNullOrEmpty(unit) ? "" : " " + unit;
        return Kind switch
        {
            LimitKind.Min => $"{(LowerExclusive ? ">" : "≥")} {F(Lower!.Value)}{u}",
            LimitKind.Max => $"{(UpperExclusive ? "<" : "≤")} {F(Upper!.Value)}{u}",
            LimitKind.Range => $"{F(Lower!.Value)} – {F(Upper!.Value)}{u}",
            LimitKind.Grade => $"≥ {Grades.Format(Lower!.Value)}",
            _ => "P/F",
        };
    }
}

/// <summary>Grey-scale and similar grades: half grades are written "2-3" in Chinese standards (= 2.5).</summary>
public static class Grades
{
    public static string Format(double grade) =>
        grade % 1 == 0.5 ? $"{Math.Floor(grade):0}-{Math.Ceiling(grade):0}" : grade.ToString("0", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out double grade)
    {
        grade = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var parts = t.Split('-', '–', '/');
        if (parts.Length == 2
            && int.TryParse(parts[0], out var a) && int.TryParse(parts[1], out var b) && b == a + 1)
        {
            grade = a + 0.5;
            return true;
        }
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out grade) && double.IsFinite(grade);
    }
}
