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

    /// <summary>Approves the enterprise (null when there is none with that id); its users may sign in from now on.</summary>
    public async Task<Enterprise?> ApproveAsync(int id, string approvedBy)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return null;
        var reinstated = enterprise.Status == EnterpriseStatus.Suspended;
        enterprise.Approve(approvedBy, clock.GetUtcNow().UtcDateTime);
        foreach (var user in await UsersToTellAsync(id))
            emails.Stage(reinstated ? accountEmails.Reinstated(enterprise, user) : accountEmails.Approved(enterprise, user), user.Email!,
                reinstated ? "enterprise-reinstated" : "enterprise-approved", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        access.Forget(id);
        emails.DispatchStaged();
        logger.LogInformation("{Enterprise} ({Code}) approved by {By}", enterprise.Name, enterprise.CreditCode, approvedBy);
        return enterprise;
    }

    /// <summary>Rejects the application with the reason the applicant will read (null when there is no such enterprise).</summary>
    public async Task<Enterprise?> RejectAsync(int id, string reason, string rejectedBy)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return null;
        enterprise.Reject(reason);
        foreach (var user in await UsersToTellAsync(id))
            emails.Stage(accountEmails.Rejected(enterprise, user), user.Email!, "enterprise-rejected", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        emails.DispatchStaged();
        logger.LogInformation("{Enterprise} ({Code}) rejected by {By}", enterprise.Name, enterprise.CreditCode, rejectedBy);
        return enterprise;
    }

    /// <summary>
    /// Suspends an approved enterprise with the reason its users will read (null when there is no such enterprise): from
    /// their next request its users are signed out and cannot sign in, and its API keys are refused, until an
    /// administrator reinstates it. Its requests stay as they are; the lab decides what happens to work in hand.
    /// </summary>
    public async Task<Enterprise?> SuspendAsync(int id, string reason, string suspendedBy)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return null;
        enterprise.Suspend(reason);
        foreach (var user in await UsersToTellAsync(id))
            emails.Stage(accountEmails.Suspended(enterprise, user), user.Email!, "enterprise-suspended", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        access.Forget(id);
        emails.DispatchStaged();
        logger.LogWarning("{Enterprise} ({Code}) suspended by {By}: {Reason}", enterprise.Name, enterprise.CreditCode, suspendedBy, enterprise.RejectionReason);
        return enterprise;
    }

    // Users who chose a password; a colleague still holding an unused invitation is not written to.
    private Task<List<LabUser>> UsersToTellAsync(int enterpriseId) =>
        db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId && u.Email != null && u.PasswordHash != null).ToListAsync();
}
