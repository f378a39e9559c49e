using System.Text.RegularExpressions;
using Lab.Domain.Common;
using Lab.Domain.Instruments;

namespace Lab.Domain.Catalog;

/// <summary>
/// A test the lab offers (检测项目): what is measured, by which standard, against which requirement, on which
/// kind of instrument, for how much and how fast. Requests keep a copy of the limit and price as booked, so
/// a later revision (<see cref="Revise"/>) never changes a booked or reported result.
/// </summary>
public partial class TestMethod
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public int ProductFamilyId { get; private set; }
    public ProductFamily? Family { get; private set; }
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>The method's standard with its year (检测依据), e.g. "GB/T 31895-2015".</summary>
    public string Standard { get; private set; } = "";
    public string QuantityZh { get; private set; } = "";
    public string QuantityEn { get; private set; } = "";
    /// <summary>Unit of the reported value; empty for dimensionless values and inspections.</summary>
    public string Unit { get; private set; } = "";
    /// <summary>Decimal places of the reported value.</summary>
    public int Precision { get; private set; }
    public SpecLimit Limit { get; private set; } = SpecLimit.PassFail();
    /// <summary>The requirement as the standard words it (标准要求), for people and reports.</summary>
    public string RequirementZh { get; private set; } = "";
    public string RequirementEn { get; private set; } = "";
    /// <summary>Expanded uncertainty U (k = 2) in the method's unit, where the lab has evaluated it.</summary>
    public double? ExpandedUncertainty { get; private set; }
    public InstrumentType InstrumentType { get; private set; }
    public int SampleQuantity { get; private set; }
    /// <summary>What one unit of sample is: 把 / umbrella, 双 / pair, 块 / specimen, 米 / m...</summary>
    public string SampleUnitZh { get; private set; } = "";
    public string SampleUnitEn { get; private set; } = "";
    public decimal PriceCny { get; private set; }
    public int TurnaroundDays { get; private set; }
    /// <summary>
    /// True where the seeded limit, quantity or turnaround is the lab's working assumption rather than a value
    /// read from the standard: the quality manager confirms or revises it.
    /// </summary>
    public bool NeedsConfirmation { get; private set; }
    public bool Active { get; private set; } = true;
    /// <summary>
    /// The external laboratory that performs this method for us, or null when the lab does it itself. Such a method
    /// is booked only when the customer agrees to subcontracting, and its results are marked on the report (7.8.2.1 p).
    /// </summary>
    public string? Subcontractor { get; private set; }
    /// <summary>Increases with every revision; analyses record the version they were booked with.</summary>
    public int Version { get; private set; } = 1;

    private TestMethod() { } // for EF

    public TestMethod(
        string code, ProductFamily family, string nameZh, string nameEn, string standard,
        string quantityZh, string quantityEn, string unit, int precision,
        SpecLimit limit, string requirementZh, string requirementEn, double? expandedUncertainty,
        InstrumentType instrumentType, int sampleQuantity, string sampleUnitZh, string sampleUnitEn,
        decimal priceCny, int turnaroundDays, bool needsConfirmation)
    {
        Code = CheckCode(code);
        Family = family ?? throw new DomainException("required", "A method belongs to a product family.");
        ProductFamilyId = family.Id;
        if (!Code.StartsWith(family.Code + "-", StringComparison.Ordinal))
            throw new DomainException("method-family", $"Method code {Code} must start with its family prefix {family.Code}-.");
        NameZh = Guard.Text(nameZh, nameof(nameZh));
        NameEn = Guard.Text(nameEn, nameof(nameEn));
        Standard = Guard.Text(standard, nameof(standard), 300);
        QuantityZh = Guard.Text(quantityZh, nameof(quantityZh));
        QuantityEn = Guard.Text(quantityEn, nameof(quantityEn));
        InstrumentType = instrumentType;
        SampleUnitZh = Guard.Text(sampleUnitZh, nameof(sampleUnitZh), 20);
        SampleUnitEn = Guard.Text(sampleUnitEn, nameof(sampleUnitEn), 40);
        SetMeasurement(unit, precision, limit, requirementZh, requirementEn, expandedUncertainty);
        SetCommercialTerms(sampleQuantity, priceCny, turnaroundDays);
        NeedsConfirmation = needsConfirmation;
    }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
    public string Requirement(bool chinese) => chinese ? RequirementZh : RequirementEn;
    public string Quantity(bool chinese) => chinese ? QuantityZh : QuantityEn;

    /// <summary>The quality manager revises the requirement (e.g. confirms an assumed limit).</summary>
    public void Revise(string unit, int precision, SpecLimit limit, string requirementZh, string requirementEn,
        double? expandedUncertainty, bool confirmed)
    {
        SetMeasurement(unit, precision, limit, requirementZh, requirementEn, expandedUncertainty);
        if (confirmed) NeedsConfirmation = false;
        Version++;
    }

    public void Reprice(int sampleQuantity, decimal priceCny, int turnaroundDays)
    {
        SetCommercialTerms(sampleQuantity, priceCny, turnaroundDays);
        Version++;
    }

    /// <summary>The method is performed by <paramref name="laboratory"/> (null: by the lab itself again).</summary>
    public void SubcontractTo(string? laboratory)
    {
        Subcontractor = Guard.OptionalText(laboratory, nameof(laboratory), 200);
        Version++;
    }

    public void Withdraw()
    {
        if (!Active) throw new DomainException("method-inactive", $"Method {Code} is already withdrawn from the catalog.");
        Active = false;
    }

    public void Reinstate()
    {
        if (Active) throw new DomainException("method-active", $"Method {Code} is already in the catalog.");
        Active = true;
    }

    private void SetMeasurement(string unit, int precision, SpecLimit limit, string requirementZh, string requirementEn, double? u)
    {
        if (precision is < 0 or > 6)
            throw new DomainException("precision-range", "Precision is 0 to 6 decimal places.");
        if (u is { } value && (!double.IsFinite(value) || value < 0))
            throw new DomainException("uncertainty-negative", "An expanded uncertainty is a finite, non-negative number.");
        var checkedLimit = limit ?? throw new DomainException("required", "A method has a limit.");
        var zh = Guard.Text(requirementZh, nameof(requirementZh), 500);
        var en = Guard.Text(requirementEn, nameof(requirementEn), 500);
        Unit = (unit ?? "").Trim();
        Precision = precision;
        Limit = checkedLimit;
        RequirementZh = zh;
        RequirementEn = en;
        ExpandedUncertainty = u;
    }

    private void SetCommercialTerms(int sampleQuantity, decimal priceCny, int turnaroundDays)
    {
        if (sampleQuantity < 1) throw new DomainException("sample-quantity", "A method needs at least one sample unit.");
        if (priceCny < 0 || decimal.Round(priceCny, 2) != priceCny)
            throw new DomainException("price", "A price is a non-negative amount in yuan with at most two decimals.");
        if (turnaroundDays is < 1 or > 60) throw new DomainException("turnaround", "Turnaround is 1 to 60 working days.");
        SampleQuantity = sampleQuantity;
        PriceCny = priceCny;
        TurnaroundDays = turnaroundDays;
    }

    private static string CheckCode(string code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        return CodePattern().IsMatch(c) ? c : throw new DomainException("method-code", $"'{code}' is not a method code like UMB-WIND.");
    }

    [GeneratedRegex("^[A-Z]{3}-[A-Z0-9]{2,8}$")]
    private static partial Regex CodePattern();
}
