using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Web.Enterprises;

/// <summary>
/// A client user signs in only while their enterprise is approved. Asked only once the password is verified, so
/// the account's state is never shown to someone who does not know the password.
/// </summary>
public sealed class SignInGate(LabDbContext db, IStringLocalizer<SharedResource> l)
{
    /// <summary>Why the user may not sign in, in the page's language; null when they may.</summary>
    public async Task<string?> RefusalAsync(LabUser user)
    {
        if (user.EnterpriseId is not { } id) return null;
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Status, e.RejectionReason }).SingleOrDefaultAsync();
        return enterprise?.Status switch
        {
            EnterpriseStatus.PendingApproval => l["SignUp.Blocked.PendingApproval"].Value,
            EnterpriseStatus.Rejected => l["SignUp.Blocked.Rejected", enterprise.RejectionReason ?? ""].Value,
            EnterpriseStatus.Suspended => l["SignUp.Blocked.Suspended", enterprise.RejectionReason ?? ""].Value,
            _ => null,
        };
    }
}
