using System.Security.Claims;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Enterprises;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Web.Enterprises;

/// <summary>
/// Whether an enterprise's people and keys may use the lab's services now: only while it is approved. Asked on every
/// request of a signed-in client (the cookie's principal is validated) and of an enterprise API key, so a suspension
/// ends the enterprise's sessions and refuses its keys at their next request, instead of when the cookie expires.
/// The answer is remembered for <see cref="Lifetime"/>; suspending or reinstating in this app forgets it at once
/// (another process of the app follows within <see cref="Lifetime"/>).
/// </summary>
public sealed class EnterpriseAccess(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    /// <summary>A user's enterprise never changes: remembered longer.</summary>
    private static readonly TimeSpan UserLifetime = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private long _generation;

    /// <param name="database">Asked for the context only when the answer is not remembered.</param>
    public async ValueTask<bool> IsApprovedAsync(int enterpriseId, Func<LabDbContext> database, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(enterpriseId), out bool approved)) return approved;
        var generation = Interlocked.Read(ref _generation);
        approved = await database().Enterprises.AsNoTracking().AnyAsync(e => e.Id == enterpriseId && e.Status == EnterpriseStatus.Approved, ct);
        lock (_lock)
        {
            // Suspended or reinstated while we read: what was read may be the state before, so it is not remembered.
            if (Interlocked.Read(ref _generation) == generation) cache.Set(Key(enterpriseId), approved, Lifetime);
        }
        return approved;
    }

    /// <summary>The enterprise's state changed (suspended, reinstated): the next request reads it again.</summary>
    public void Forget(int enterpriseId)
    {
        lock (_lock)
        {
            Interlocked.Increment(ref _generation);
            cache.Remove(Key(enterpriseId));
        }
    }

    /// <summary>
    /// The cookie's check on every request (after Identity's security stamp check): a client whose enterprise is no
    /// longer approved is signed out, and the page asks them to sign in, where <see cref="SignInGate"/> says why not.
    /// </summary>
    public static async Task ValidateClientAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !principal.IsInRole(Roles.Client)) return;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return;
        var services = context.HttpContext.RequestServices;
        var access = services.GetRequiredService<EnterpriseAccess>();
        // A context is rented only when something is not remembered: most page requests take none here.
        LabDbContext Db() => services.GetRequiredService<LabDbContext>();
        var enterpriseId = await access.EnterpriseOfAsync(userId, Db, context.HttpContext.RequestAborted);
        if (enterpriseId is { } id && await access.IsApprovedAsync(id, Db, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private async ValueTask<int?> EnterpriseOfAsync(string userId, Func<LabDbContext> database, CancellationToken ct)
    {
        if (cache.TryGetValue(("user-enterprise", userId), out int? known)) return known;
        var enterpriseId = await database().Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.EnterpriseId).SingleOrDefaultAsync(ct);
        cache.Set(("user-enterprise", userId), enterpriseId, UserLifetime);
        return enterpriseId;
    }

    private static (string, int) Key(int enterpriseId) => ("enterprise-approved", enterpriseId);
}
