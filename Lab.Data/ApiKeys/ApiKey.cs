using System.Security.Cryptography;
using System.Text;

namespace Lab.Data.ApiKeys;

public enum ApiKeyKind { Enterprise, Station, Instrument }

/// <summary>
/// A key for the JSON API. Only its SHA-256 is stored: the key itself is shown once, when it is created.
/// Enterprise keys act for their enterprise (its ERP); station and instrument keys are the lab's own.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public ApiKeyKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The key's first characters, shown in lists so people can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public int? EnterpriseId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: "llk_" and 40 characters of base62 (about 238 bits).</summary>
    public static string NewSecret()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return "llk_" + RandomNumberGenerator.GetString(alphabet, 40);
    }
}
