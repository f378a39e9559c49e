using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Models.Account;

namespace Web.Controllers;

public class AccountController(SignInManager<LabUser> signIn, UserManager<LabUser> users, IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet, AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost, AllowAnonymous, ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid) return View(input);
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", l["Login.Failed"]);
            return View(input);
        }
        var result = await signIn.PasswordSignInAsync(user, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", user.Email);
            if (!string.IsNullOrEmpty(user.PreferredCulture) && !Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
                Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.PreferredCulture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return LocalRedirect(Url.IsLocalUrl(input.ReturnUrl) ? input.ReturnUrl! : Url.Action("Index", "Home")!);
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("{Email} is locked out after repeated failed sign-ins", user.Email);
            var end = await users.GetLockoutEndDateAsync(user);
            var minutes = end is { } e ? Math.Max(1, (int)Math.Ceiling((e - DateTimeOffset.UtcNow).TotalMinutes)) : 15;
            ModelState.AddModelError("", l["Login.LockedOut", minutes]);
            return View(input);
        }
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", l["Login.NotAllowed"]);
            return View(input);
        }
        var left = users.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
        ModelState.AddModelError("", left is > 0 and <= 2 ? l["Login.FailedAttemptsLeft", left] : l["Login.Failed"]);
        return View(input);
    }

    [HttpPost, ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet, AllowAnonymous]
    public IActionResult AccessDenied() { Response.StatusCode = 403; return View(); }
}
