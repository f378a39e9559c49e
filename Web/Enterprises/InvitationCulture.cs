using Lab.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Web.Enterprises;

/// <summary>
/// The invitation link's page speaks the invited colleague's language (chosen when they were invited), so the
/// password rules read right on a first visit. A language chosen in this browser (the cookie) still wins.
/// </summary>
public static class InvitationCulture
{
    public const string Path = "/account/set-password";

    public static RequestCultureProvider Provider { get; } = new CustomRequestCultureProvider(async http =>
    {
        if (!http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)) return null;
        var email = http.Request.Query["email"].ToString();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254) return null;
        var user = await http.RequestServices.GetRequiredService<UserManager<LabUser>>().FindByEmailAsync(email);
        return user?.PreferredCulture is { Length: > 0 } culture ? new ProviderCultureResult(culture) : null;
    });
}
