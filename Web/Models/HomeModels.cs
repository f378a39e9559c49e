namespace Web.Models;

public sealed record FamilyCountVm(string Code, string NameZh, string NameEn, int MethodCount);

public sealed record HomeVm(IReadOnlyList<FamilyCountVm> Families);

public sealed record StatusVm(int Code, string TraceId);
