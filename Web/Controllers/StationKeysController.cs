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
/// The lab's own keys for the scanner API, managed by an Admin: a station key for each scan device or station PC (it
/// may scan; every scan is recorded as "station:&lt;name&gt;"), an instrument key for a device that only reads samples.
/// Shown once when created, stored hashed, revoked with one click. Enterprise keys stay with their enterprises.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/api-keys")]
public class StationKeysController(LabDbContext db, CurrentUser currentUser, PeopleDirectory people, TimeProvider clock,
    Web.Api.ApiKeyCache keys, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Far more than the lab has stations and instruments; more is usually keys nobody revoked.</summary>
    public const int MaxActiveKeys = 100;
    private const string NewKeySlot = "StationKeys.New";
    private const string NewKeyIdSlot = "StationKeys.NewId";
    private static readonly ApiKeyKind[] LabKinds = [ApiKeyKind.Station, ApiKeyKind.Instrument];

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        // The key travels once, from the POST that made it to this page, in the (encrypted, read-once) TempData.
        var newKey = TempData[NewKeySlot] as string;
        var newKeyId = TempData[NewKeyIdSlot] as int?;
        return View(await ModelAsync(new StationKeyInput(), newKey, newKeyId));
    }

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(StationKeyInput input)
    {
        if (!LabKinds.Contains(input.Kind)) ModelState.AddModelError(nameof(input.Kind), l["StationKeys.KindInvalid"]);
        var name = input.Name?.Trim() ?? "";
        if (ModelState.IsValid)
        {
            var active = db.ApiKeys.Where(k => LabKinds.Contains(k.Kind) && k.RevokedAt == null);
            // The name is what custody records say ("station:reception station"): two active keys must not share it.
            if (await active.AnyAsync(k => k.Name == name))
                ModelState.AddModelError(nameof(input.Name), l["StationKeys.NameTaken", name]);
            else if (await active.CountAsync() >= MaxActiveKeys)
                ModelState.AddModelError(nameof(input.Name), l["StationKeys.TooMany", MaxActiveKeys]);
        }
        if (!ModelState.IsValid) return View("Index", await ModelAsync(input, null, null));

        var secret = ApiKey.NewSecret();
        var key = new ApiKey
        {
            Kind = input.Kind,
            Name = name,
            Prefix = secret[..12],
            Hash = ApiKey.HashOf(secret),
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
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && LabKinds.Contains(k.Kind));
        if (key is null) return NotFound();
        if (key.IsActive)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            key.RevokedBy = currentUser.Name;
            await db.SaveChangesAsync();
            keys.Forget(key.Hash); // the API refuses it from the next request on, not when the cached key expires
            TempData["Message"] = l["StationKeys.Revoked", key.Name, key.Prefix].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<StationKeysVm> ModelAsync(StationKeyInput input, string? newKey, int? newKeyId)
    {
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => LabKinds.Contains(k.Kind))
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .ToListAsync();
        var name = await people.NamerAsync();
        return new StationKeysVm(keys.Select(k => new StationKeyRowVm(k.Kind, ApiKeyRowVm.From(k, name))).ToList(), input, newKey, newKeyId);
    }
}
