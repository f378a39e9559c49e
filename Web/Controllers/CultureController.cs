using Lab.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;

namespace Web.Controllers;

/// <summary>Switches the UI language and remembers it (cookie for a year; on the account too when signed in).</summary>
public class CultureController(LabDbContext db, CurrentUser currentUser) : Controller
{
    private static readonly string[] Supported = ["zh-CN", "en"];

    [HttpPost("/culture")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Set(string culture, string? returnUrl)
    {
        if (!Supported.Contains(culture)) culture = "zh-CN";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
        if (currentUser.Id is { } id)
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
