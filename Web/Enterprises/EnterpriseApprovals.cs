using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Web.Email;
using Web.Infrastructure;
using Web.Models.Enterprises;

namespace Web.Enterprises;

/// <summary>
/// Reception (or an administrator) reviews the enterprises that signed up: approve, or reject with a reason. The
/// enterprise's users are told by email in their own language either way.
/// </summary>
public sealed class EnterpriseApprovals(LabDbContext db, EmailQueue emails, AccountEmails accountEmails, TimeProvider clock,
    PeopleDirectory people, EnterpriseAccess access, ILogger<EnterpriseApprovals> logger)
{
    public Task<int> PendingCountAsync() => db.Enterprises.CountAsync(e => e.Status == EnterpriseStatus.PendingApproval);

    public async Task<EnterpriseListVm> ListAsync()
    {
        var enterprises = await db.Enterprises.AsNoTracking().Include(e => e.Contacts).ToListAsync();
        var rows = enterprises.Select(e =>
        {
            var contact = e.Contacts.OrderBy(c => c.Id).First();
            return new EnterpriseSummaryVm(e.Id, e.Name, e.CreditCode.Value, e.Status, e.RegisteredAt, contact.Name, contact.Phone, contact.Email);
        }).ToList();
        return new EnterpriseListVm(
            rows.Where(r => r.Status == EnterpriseStatus.PendingApproval).OrderBy(r => r.RegisteredAt).ToList(),
            rows.Where(r => r.Status != EnterpriseStatus.PendingApproval).OrderBy(r => r.Status).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());
    }

    public async Task<EnterpriseDetailsVm?> DetailsAsync(int id, RejectInput? reject = null, RejectInput? suspend = null)
    {
        var e = await db.Enterprises.AsNoTracking().Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == id);
        if (e is null) return null;
        var members = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == id).OrderBy(u => u.CreatedAt)
            .Select(u => new MemberVm(u.Email ?? "", u.DisplayName, u.PasswordHash != null, u.CreatedAt, false)).ToListAsync();
        var name = await people.NamerAsync();
        return new EnterpriseDetailsVm(e.Id, e.Name, e.CreditCode.Value, e.Address, e.Status, e.RegisteredAt, e.ApprovedAt,
            e.ApprovedBy is null ? null : name(e.ApprovedBy), e.RejectionReason,
            e.Contacts.OrderBy(c => c.Id).Select(c => new ContactVm(c.Id, c.Name, c.Phone, c.Email, c.ReceivesReports)).ToList(),
            members, reject ?? new RejectInput()) { Suspend = suspend ?? new RejectInput() };
    }

    /// <summary>
    /// Approves the enterprise, or reinstates a suspended one (null when there is none with that id); its users may sign
    /// in from now on, and its API keys work again.
    /// </summary>
    public Task<Enterprise?> ApproveAsync(int id, string approvedBy) => DecideAsync(id, enterprise =>
    {
        var reinstated = enterprise.Status == EnterpriseStatus.Suspended;
        enterprise.Approve(approvedBy, clock.GetUtcNow().UtcDateTime);
        return reinstated ? ("reinstated", accountEmails.Reinstated) : ("approved", accountEmails.Approved);
    }, approvedBy);

    /// <summary>Rejects the application with the reason the applicant will read (null when there is no such enterprise).</summary>
    public Task<Enterprise?> RejectAsync(int id, string reason, string rejectedBy) => DecideAsync(id, enterprise =>
    {
        enterprise.Reject(reason);
        return ("rejected", accountEmails.Rejected);
    }, rejectedBy);

    /// <summary>
    /// Suspends an approved enterprise with the reason its users will read (null when there is no such enterprise): from
    /// their next request its users are signed out and cannot sign in, and its API keys are refused, until an
    /// administrator reinstates it. Its requests stay as they are; the lab decides what happens to work in hand.
    /// </summary>
    public Task<Enterprise?> SuspendAsync(int id, string reason, string suspendedBy) => DecideAsync(id, enterprise =>
    {
        enterprise.Suspend(reason);
        return ("suspended", accountEmails.Suspended);
    }, suspendedBy);

    /// <summary>
    /// One decision on an enterprise: the domain's verb, an email to each of its users in their language, one save;
    /// then whatever remembered its state (<see cref="EnterpriseAccess"/>) forgets it, and the mail goes out.
    /// </summary>
    private async Task<Enterprise?> DecideAsync(int id, Func<Enterprise, (string What, Func<Enterprise, LabUser, ComposedEmail> Email)> decide,
        string by)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return null;
        var (what, email) = decide(enterprise);
        foreach (var user in await UsersToTellAsync(id))
            emails.Stage(email(enterprise, user), user.Email!, $"enterprise-{what}", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        access.Forget(id);
        emails.DispatchStaged();
        logger.LogInformation("{Enterprise} ({Code}) {What} by {By}; reason: {Reason}", enterprise.Name, enterprise.CreditCode, what, by,
            enterprise.RejectionReason ?? "-");
        return enterprise;
    }

    // Users who chose a password; a colleague still holding an unused invitation is not written to.
    private Task<List<LabUser>> UsersToTellAsync(int enterpriseId) =>
        db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId && u.Email != null && u.PasswordHash != null).ToListAsync();
}
