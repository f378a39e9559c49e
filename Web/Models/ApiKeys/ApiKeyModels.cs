using System.ComponentModel.DataAnnotations;
using Lab.Data.ApiKeys;

namespace Web.Models.ApiKeys;

public sealed class ApiKeyInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "ApiKeys.Name")]
    public string Name { get; set; } = "";
}

public sealed record ApiKeyRowVm(int Id, string Name, string Prefix, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt,
    DateTime? RevokedAt, string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;

    public static ApiKeyRowVm From(ApiKey k, Func<string?, string> name) =>
        new(k.Id, k.Name, k.Prefix, name(k.CreatedBy), k.CreatedAt, k.LastUsedAt, k.RevokedAt, k.RevokedBy is null ? null : name(k.RevokedBy));
}

/// <summary>The enterprise's keys; <see cref="NewKey"/> is the key just created, shown this once.</summary>
public sealed record ApiKeysVm(IReadOnlyList<ApiKeyRowVm> Keys, ApiKeyInput Input, string? NewKey, int? NewKeyId);

/// <summary>A key for the lab's own devices, made by an Admin: a scan station or an instrument.</summary>
public sealed class StationKeyInput
{
    public ApiKeyKind Kind { get; set; } = ApiKeyKind.Station;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "StationKeys.Name")]
    public string Name { get; set; } = "";
}

public sealed record StationKeyRowVm(ApiKeyKind Kind, ApiKeyRowVm Key);

/// <summary>The lab's station and instrument keys; <see cref="NewKey"/> is the key just created, shown this once.</summary>
public sealed record StationKeysVm(IReadOnlyList<StationKeyRowVm> Keys, StationKeyInput Input, string? NewKey, int? NewKeyId);
