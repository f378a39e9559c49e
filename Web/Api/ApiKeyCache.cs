using System.Globalization;
using System.Security.Claims;
using Lab.Data.ApiKeys;
using Microsoft.Extensions.Caching.Memory;

namespace Web.Api;

/// <summary>
/// Active API keys by their hash, remembered for <see cref="Lifetime"/> after they were read from the database, so
/// that a scan station's or ERP's every request is not a key query. Unknown and revoked keys are never remembered
/// (a key created a moment ago works at once). Revoking a key in this app calls <see cref="Forget"/>: refused from the
/// next request on. Another process of the app (scale-out) refuses it within <see cref="Lifetime"/> at the latest.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private long _generation;

    /// <summary>What the API needs of a key: its claims, and when its use was last recorded.</summary>
    public sealed class Entry(int id, IReadOnlyList<Claim> claims, DateTime? lastUsedAt, int? enterpriseId)
    {
        public int Id { get; } = id;
        /// <summary>The enterprise of an enterprise key, whose approval is checked on every request.</summary>
        public int? EnterpriseId { get; } = enterpriseId;
        public IReadOnlyList<Claim> Claims { get; } = claims;
        public DateTime? LastUsedAt { get; set; } = lastUsedAt;
    }

    /// <summary>Read before the database is asked, handed to <see cref="Remember"/>: a key revoked meanwhile is not remembered.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public Entry? Find(string hash) => cache.TryGetValue(CacheKey(hash), out Entry? entry) ? entry : null;

    /// <summary>Remembers an active key as read from the database, unless a key was forgotten since <paramref name="generation"/>.</summary>
    public Entry Remember(string hash, ApiKey key, long generation)
    {
        var id = key.Id.ToString(CultureInfo.InvariantCulture);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, key.Name),
            new(ApiKeyDefaults.KindClaim, key.Kind.ToString()),
        };
        if (key.EnterpriseId is { } enterpriseId)
            claims.Add(new(ApiKeyDefaults.EnterpriseClaim, enterpriseId.ToString(CultureInfo.InvariantCulture)));
        var entry = new Entry(key.Id, claims, key.LastUsedAt, key.Kind == ApiKeyKind.Enterprise ? key.EnterpriseId : null);
        lock (_lock)
        {
            // A revocation between the read and now: the row read may be the key before it was revoked.
            if (Generation == generation) cache.Set(CacheKey(hash), entry, Lifetime);
        }
        return entry;
    }

    /// <summary>The key was revoked (or changed): the next request with it reads the database again.</summary>
    public void Forget(string hash)
    {
        lock (_lock)
        {
            Interlocked.Increment(ref _generation);
            cache.Remove(CacheKey(hash));
        }
    }

    private static (string, string) CacheKey(string hash) => ("api-key", hash);
}
