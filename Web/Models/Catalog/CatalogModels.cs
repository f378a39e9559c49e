using Lab.Domain.Catalog;
using Lab.Domain.Instruments;

namespace Web.Models.Catalog;

public sealed record CatalogFamilyVm(string Code, string NameZh, string NameEn, int MethodCount);

public sealed record CatalogMethodVm(
    string Code, string FamilyCode, string NameZh, string NameEn, string Standard, string QuantityZh, string QuantityEn,
    string Unit, string RequirementZh, string RequirementEn, string LimitSummary, LimitKind LimitKind, decimal PriceCny,
    int TurnaroundDays, int SampleQuantity, string SampleUnitZh, string SampleUnitEn, InstrumentType InstrumentType,
    bool NeedsConfirmation, string? Subcontractor = null)
{
    public static CatalogMethodVm From(TestMethod m) => new(
        m.Code, m.Family?.Code ?? m.Code[..3], m.NameZh, m.NameEn, m.Standard, m.QuantityZh, m.QuantityEn, m.Unit,
        m.RequirementZh, m.RequirementEn, m.Limit.Describe(m.Unit), m.Limit.Kind, m.PriceCny, m.TurnaroundDays,
        m.SampleQuantity, m.SampleUnitZh, m.SampleUnitEn, m.InstrumentType, m.NeedsConfirmation, m.Subcontractor);
}

public sealed record CatalogVm(IReadOnlyList<CatalogFamilyVm> Families, string? Family, string? Query, IReadOnlyList<CatalogMethodVm> Methods);
