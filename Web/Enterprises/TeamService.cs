using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Common;
using Lab.Domain.Enterprises;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Email;
using Web.Models.Enterprises;

namespace Web.Enterprises;

/// <summary>
/// A client's own enterprise account: its users (a colleague is invited by email and chooses a password through
/// the link) and its contacts, some of whom receive the reports. Everything here is scoped to one enterprise id,
/// the caller's: another enterprise's contact is "not found".
/// </summary>
public sealed class TeamService(LabDbContext db, UserManager<LabUser> users, EmailQueue emails, AccountEmails accountEmails,
    TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<TeamService> logger)
{
    /// <summary>How long an invitation link works (Identity's password-reset token lifespan).</summary>
    public const int InvitationDays = 7;

    public static string SupportedCulture(string? culture) => culture is "en" or "en-US" ? "en" : "zh-CN";

    public async Task<TeamVm?> LoadAsync(int enterpriseId, string? myId, InviteInput? invite = null, ContactInput? contact = null)
    {
        var enterprise = await db.Enterprises.AsNoTracking().Include(e => e.Contacts).SingleOrDefaultAsync(e => e.Id == enterpriseId);
        if (enterprise is null) return null;
        var members = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId).OrderBy(u => u.CreatedAt)
            .Select(u => new MemberVm(u.Email ?? "", u.DisplayName, u.PasswordHash != null, u.CreatedAt, u.Id == myId)).ToListAsync();
        return new TeamVm(enterprise.Name, enterprise.Status, members,
            enterprise.Contacts.OrderBy(c => c.Id).Select(c => new ContactVm(c.Id, c.Name, c.Phone, c.Email, c.ReceivesReports)).ToList(),
            invite ?? new InviteInput { Culture = SupportedCulture(System.Globalization.CultureInfo.CurrentUICulture.Name) },
            contact ?? new ContactInput());
    }

    /// <summary>
    /// Creates the colleague's account (a Client of the same enterprise, no password yet) and emails them a link to
    /// choose one. Returns the problems with the input, if any (null when there is no such enterprise).
    /// </summary>
    public async Task<IReadOnlyList<FieldError>?> InviteAsync(int enterpriseId, InviteInput input, string invitedBy)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == enterpriseId);
        if (enterprise is null) return null;
        var email = input.Email.Trim().ToLowerInvariant();
        if (!EmailAddress.IsValid(email)) return [new(nameof(input.Email), l["Validation.Email", l["Field.Email"]])];
        if (await users.FindByEmailAsync(email) is not null) return [new(nameof(input.Email), l["Team.Email.Taken", email])];
        var colleague = new LabUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.Name.Trim(),
            EnterpriseId = enterpriseId,
            PreferredCulture = SupportedCulture(input.Culture),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(colleague);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            return created.Errors.Select(e => new FieldError(nameof(input.Email), e.Description)).ToList();
        }
        var role = await users.AddToRoleAsync(colleague, Roles.Client);
        if (!role.Succeeded) throw new InvalidOperationException($"Could not make {email} a client: {string.Join("; ", role.Errors.Select(e => e.Description))}");
        var token = await users.GeneratePasswordResetTokenAsync(colleague);
        emails.Stage(accountEmails.Invitation(enterprise, colleague, invitedBy, token), email, "team-invitation", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        emails.DispatchStaged();
        logger.LogInformation("{By} invited {Email} to {Enterprise}", invitedBy, email, enterprise.Name);
        return [];
    }

    /// <summary>Adds a contact (false when there is no such enterprise); the domain refuses a duplicate address.</summary>
    public async Task<bool> AddContactAsync(int enterpriseId, ContactInput input)
    {
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.Id == enterpriseId);
        if (enterprise is null) return false;
        enterprise.AddContact(input.Name, input.Phone, input.Email, input.ReceivesReports);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>
    /// Switches a contact's reports on or off; false when the enterprise has no such contact. The domain refuses to
    /// switch off the last recipient.
    /// </summary>
    public async Task<bool> SetReportRecipientAsync(int enterpriseId, int contactId, bool receivesReports)
    {
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.Id == enterpriseId);
        var contact = enterprise?.Contacts.SingleOrDefault(c => c.Id == contactId);
        if (contact is null) return false;
        enterprise!.SetReportRecipient(contact.Email, receivesReports);
        await db.SaveChangesAsync();
        return true;
    }
}
