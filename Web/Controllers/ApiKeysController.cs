using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Infrastructure;
using Web.Models.ApiKeys;

namespace Web.Controllers;

/// <summary>
/// An enterprise's keys for the booking API (/api/v1), managed by its own users: create one (shown once, then
/// only its prefix; only the hash is stored) and revoke it. A key of another enterprise answers 404.
/// </summary>
[Authorize(Roles = Roles.Client)]
[Route("account/api-keys")]
public class ApiKeysController(LabDbContext db, CurrentUser currentUser, PeopleDirectory people, TimeProvider clock,
    Web.Api.ApiKeyCache keys, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Enough for every system an enterprise runs; more is usually keys nobody revoked.</summary>
    public const int MaxActiveKeys = 20;
    private const string NewKeySlot = "ApiKeys.New";
    private const string NewKeyIdSlot = "ApiKeys.NewId";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await EnterpriseIdAsync() is not { } enterpriseId) return Forbid();
        // The key travels once, from the POST that made it to this page, in the (encrypted, read-once) TempData.
        var newKey = TempData[NewKeySlot] as string;
        var newKeyId = TempData[NewKeyIdSlot] as int?;
        return View(await ModelAsync(enterpriseId, new ApiKeyInput(), newKey, newKeyId));
    }

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(ApiKeyInput input)
    {
        if (await EnterpriseIdAsync() is not { } enterpriseId) return Forbid();
        if (ModelState.IsValid && await db.ApiKeys.CountAsync(k => k.EnterpriseId == enterpriseId && k.RevokedAt == null) >= MaxActiveKeys)
            ModelState.AddModelError(nameof(input.Name), l["ApiKeys.TooMany", MaxActiveKeys]);
        if (!ModelState.IsValid) return View("Index", await ModelAsync(enterpriseId, input, null, null));

        var secret = ApiKey.NewSecret();
        var key = new ApiKey
        {
            Kind = ApiKeyKind.Enterprise,
            Name = input.Name.Trim(),
            Prefix = secret[..12],
            Hash = ApiKey.HashOf(secret),
            EnterpriseId = enterpriseId,
            CreatedBy = currentUser.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        TempData[NewKeySlot] = secret;
        TempData[NewKeyIdSlot] = key.Id;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/revoke"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Revoke(int id)
    {
        if (await EnterpriseIdAsync() is not { } enterpriseId) return Forbid();
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.EnterpriseId == enterpriseId && k.Kind == ApiKeyKind.Enterprise);
        if (key is null) return NotFound();
        if (key.IsActive)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            key.RevokedBy = currentUser.Name;
            await db.SaveChangesAsync();
            keys.Forget(key.Hash); // the API refuses it from the next request on, not when the cached key expires
            TempData["Message"] = l["ApiKeys.Revoked", key.Name, key.Prefix].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<int?> EnterpriseIdAsync() => await currentUser.EnterpriseIdAsync() is > 0 and var id ? id : null;

    private async Task<ApiKeysVm> ModelAsync(int enterpriseId, ApiKeyInput input, string? newKey, int? newKeyId)
    {
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.EnterpriseId == enterpriseId && k.Kind == ApiKeyKind.Enterprise)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .ToListAsync();
        var name = await people.NamerAsync();
        return new ApiKeysVm(keys.Select(k => ApiKeyRowVm.From(k, name)).ToList(), input, newKey, newKeyId);
    }
}
