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

/// <summary>A problem with one form field, already in the user's language.</summary>
public sealed record FieldError(string Field, string Message);

public sealed record SignUpResult(Enterprise? Enterprise, LabUser? Applicant, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static SignUpResult Failed(params FieldError[] errors) => new(null, null, errors);
}

/// <summary>
/// Sign-up (企业注册): the enterprise (waiting for the lab's approval) and its first user (a Client, who is also its
/// first contact and report recipient) are created together or not at all, and the applicant is told by email
/// that the lab will review the application.
/// </summary>
public sealed class SignUpService(LabDbContext db, UserManager<LabUser> users, EmailQueue emails, AccountEmails accountEmails,
    TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<SignUpService> logger)
{
    /// <summary>
    /// Every problem the form's own rules cannot see: the credit code (length, characters, check character, already
    /// registered), an email already registered, and the password rules. Fields in <paramref name="skip"/> already
    /// have a message.
    /// </summary>
    public async Task<List<FieldError>> ValidateAsync(SignUpInput input, IReadOnlySet<string>? skip = null)
    {
        var errors = new List<FieldError>();
        bool Check(string field) => skip?.Contains(field) != true;
        if (Check(nameof(input.CreditCode)))
        {
            if (!CreditCode.TryParse(input.CreditCode, out var parsed, out var problem))
                errors.Add(new(nameof(input.CreditCode), l["SignUp.CreditCode." + problem]));
            else if (await CreditCodeTakenAsync(parsed!))
                errors.Add(new(nameof(input.CreditCode), l["SignUp.CreditCode.Taken"]));
        }
        var email = Normalize(input.Email);
        if (Check(nameof(input.Email)))
        {
            if (!EmailAddress.IsValid(email))
                errors.Add(new(nameof(input.Email), l["Validation.Email", l["Field.Email"]]));
            else if (await users.FindByEmailAsync(email) is not null)
                errors.Add(new(nameof(input.Email), l["SignUp.Email.Taken"]));
        }
        if (Check(nameof(input.Password)))
        {
            var applicant = new LabUser { UserName = email, Email = email };
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, applicant, input.Password ?? "");
                errors.AddRange(checkedPassword.Errors.Select(e => new FieldError(nameof(input.Password), e.Description)));
            }
        }
        return errors;
    }

    /// <summary>Creates the enterprise and its first user, or returns what is wrong with the input.</summary>
    public async Task<SignUpResult> SignUpAsync(SignUpInput input, string culture)
    {
        var errors = await ValidateAsync(input);
        if (errors.Count > 0) return new SignUpResult(null, null, errors);

        var code = CreditCode.Parse(input.CreditCode);
        var email = Normalize(input.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        var applicant = new LabUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.ContactName.Trim(),
            PreferredCulture = TeamService.SupportedCulture(culture),
            CreatedAt = now,
        };
        var enterprise = new Enterprise(input.CompanyName, code, input.Address, input.ContactName, input.Phone, email, now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Enterprises.Add(enterprise);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Someone registered the same code a moment ago (the unique index caught it).
            await transaction.RollbackAsync();
            if (!await CreditCodeTakenAsync(code)) throw;
            return SignUpResult.Failed(new FieldError(nameof(input.CreditCode), l["SignUp.CreditCode.Taken"]));
        }

        applicant.EnterpriseId = enterprise.Id;
        var created = await users.CreateAsync(applicant, input.Password);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync();
            return new SignUpResult(null, null, created.Errors
                .Select(e => new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email), e.Description))
                .ToList());
        }
        var role = await users.AddToRoleAsync(applicant, Roles.Client);
        if (!role.Succeeded) throw new InvalidOperationException($"Could not make {email} a client: {string.Join("; ", role.Errors.Select(e => e.Description))}");

        emails.Stage(accountEmails.SignUpReceived(enterprise, applicant), email, "signup-received", enterprise.CreditCode.Value);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        emails.DispatchStaged();
        logger.LogInformation("{Enterprise} ({Code}) signed up as {Email}; waiting for approval", enterprise.Name, enterprise.CreditCode, email);
        return new SignUpResult(enterprise, applicant, []);
    }

    private static string Normalize(string? email) => (email ?? "").Trim().ToLowerInvariant();

    private Task<bool> CreditCodeTakenAsync(CreditCode code) => db.Enterprises.AsNoTracking().AnyAsync(e => e.CreditCode == code);
}
