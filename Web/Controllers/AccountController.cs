using System.Security.Claims;
using Lab.Data;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Enterprises;
using Web.Models.Account;
using Web.Models.Enterprises;

namespace Web.Controllers;

public class AccountController(SignInManager<LabUser> signIn, UserManager<LabUser> users, SignInGate gate, LabDbContext db,
    IStringLocalizer<SharedResource> l, ILogger<AccountController> logger) : Controller
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
        // The password first (with lockout), then the enterprise's state: only someone who knows the password
        // learns that the account waits for approval or was rejected.
        var result = await signIn.CheckPasswordSignInAsync(user, input.Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (await gate.RefusalAsync(user) is { } refusal)
            {
                logger.LogInformation("{Email} knows the password but the enterprise is not approved", user.Email);
                ModelState.AddModelError("", refusal);
                return View(input);
            }
            await SignInAsync(user, input.RememberMe);
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

    /// <summary>The invitation link: a colleague chooses a password (the page is in their language, see InvitationCulture).</summary>
    [HttpGet(InvitationCulture.Path), AllowAnonymous]
    public async Task<IActionResult> SetPassword(string? email, string? token)
    {
        var input = new SetPasswordInput { Email = email ?? "", Token = token ?? "" };
        return View(await SetPasswordVmAsync(input, await InvitedUserAsync(input)));
    }

    [HttpPost(InvitationCulture.Path), AllowAnonymous, ValidateAntiForgeryToken]
    public async Task<IActionResult> SetPassword([Bind(Prefix = "Input")] SetPasswordInput input)
    {
        var user = await InvitedUserAsync(input);
        if (user is null || !ModelState.IsValid) return View(await SetPasswordVmAsync(input, user));
        var reset = await users.ResetPasswordAsync(user, input.Token, input.Password);
        if (!reset.Succeeded)
        {
            ModelState.AddModelError("Input." + nameof(input.Password), string.Join(" ", reset.Errors.Select(e => e.Description)));
            return View(await SetPasswordVmAsync(input, user));
        }
        user.EmailConfirmed = true; // the link reached them
        await users.UpdateAsync(user);
        logger.LogInformation("{Email} accepted the invitation", user.Email);
        if (await gate.RefusalAsync(user) is { } refusal)
        {
            TempData["Error"] = refusal;
            return RedirectToAction(nameof(Login));
        }
        await SignInAsync(user, isPersistent: false);
        return Redirect("/requests");
    }

    /// <summary>The user the link is for, when the token is still good (unused, not expired).</summary>
    private async Task<LabUser?> InvitedUserAsync(SetPasswordInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Email) || string.IsNullOrWhiteSpace(input.Token)) return null;
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null) return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<LabUser>.ResetPasswordTokenPurpose, input.Token);
        return valid ? user : null;
    }

    private async Task<SetPasswordVm> SetPasswordVmAsync(SetPasswordInput input, LabUser? user)
    {
        input.Password = input.ConfirmPassword = "";
        var enterprise = user?.EnterpriseId is { } id
            ? await db.Enterprises.AsNoTracking().Where(e => e.Id == id).Select(e => e.Name).SingleOrDefaultAsync()
            : null;
        return new SetPasswordVm(input, user?.DisplayName, enterprise, user is not null);
    }

    private async Task SignInAsync(LabUser user, bool isPersistent)
    {
        // As PasswordSignInAsync would (this app has no two-factor sign-in).
        await signIn.SignInWithClaimsAsync(user, isPersistent, [new Claim("amr", "pwd")]);
        logger.LogInformation("{Email} signed in", user.Email);
        if (!string.IsNullOrEmpty(user.PreferredCulture) && !Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.PreferredCulture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    }
}
