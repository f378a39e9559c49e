using Lab.Data.Identity;
using Lab.Domain.Enterprises;
using Microsoft.Extensions.Options;
using Web.Email;
using Web.Infrastructure;

namespace Web.Enterprises;

/// <summary>
/// The emails of enterprise accounts, each in the recipient's language (the one they signed up or were invited in):
/// application received, approved, rejected, suspended, reinstated, and a colleague's invitation.
/// </summary>
public sealed class AccountEmails(EmailComposer composer, IOptions<LabOptions> options)
{
    private string Url(string pathAndQuery) => options.Value.PublicUrl.TrimEnd('/') + pathAndQuery;

    public ComposedEmail SignUpReceived(Enterprise enterprise, LabUser applicant)
    {
        var e = composer.In(applicant.PreferredCulture ?? "zh-CN");
        return e.Subject(e.T("Email.SignUp.Received.Subject", enterprise.Name))
            .Heading(e.T("Email.SignUp.Received.Heading"))
            .Paragraph(e.T("Email.Greeting", applicant.DisplayName))
            .Paragraph(e.T("Email.SignUp.Received.Intro", enterprise.Name))
            .Row(e.T("SignUp.Field.CompanyName"), enterprise.Name)
            .Row(e.T("SignUp.Field.CreditCode"), enterprise.CreditCode.Value)
            .Row(e.T("SignUp.Field.Address"), enterprise.Address)
            .Row(e.T("Field.Email"), applicant.Email ?? "")
            .Paragraph(e.T("Email.SignUp.Received.Next"))
            .Build();
    }

    public ComposedEmail Approved(Enterprise enterprise, LabUser user)
    {
        var e = composer.In(user.PreferredCulture ?? "zh-CN");
        return e.Subject(e.T("Email.SignUp.Approved.Subject", enterprise.Name))
            .Heading(e.T("Email.SignUp.Approved.Heading"))
            .Paragraph(e.T("Email.Greeting", user.DisplayName))
            .Paragraph(e.T("Email.SignUp.Approved.Intro", enterprise.Name, user.Email ?? ""))
            .Link(e.T("Email.SignUp.Approved.SignIn"), Url("/Account/Login"))
            .Paragraph(e.T("Email.SignUp.Approved.Next"))
            .Build();
    }

    public ComposedEmail Rejected(Enterprise enterprise, LabUser user) => WithReason(enterprise, user, "Email.SignUp.Rejected");

    public ComposedEmail Suspended(Enterprise enterprise, LabUser user) => WithReason(enterprise, user, "Email.Enterprise.Suspended");

    /// <summary>A decision against the enterprise (rejected, suspended): its heading, what happened, the reason, whom to call.</summary>
    private ComposedEmail WithReason(Enterprise enterprise, LabUser user, string keys)
    {
        var e = composer.In(user.PreferredCulture ?? "zh-CN");
        return e.Subject(e.T(keys + ".Subject", enterprise.Name))
            .Heading(e.T(keys + ".Heading"))
            .Paragraph(e.T("Email.Greeting", user.DisplayName))
            .Paragraph(e.T(keys + ".Intro", enterprise.Name))
            .Row(e.T("Enterprises.RejectionReason"), enterprise.RejectionReason ?? "")
            .Paragraph(e.T("Email.SignUp.Rejected.Next"))
            .Build();
    }

    public ComposedEmail Reinstated(Enterprise enterprise, LabUser user)
    {
        var e = composer.In(user.PreferredCulture ?? "zh-CN");
        return e.Subject(e.T("Email.Enterprise.Reinstated.Subject", enterprise.Name))
            .Heading(e.T("Email.Enterprise.Reinstated.Heading"))
            .Paragraph(e.T("Email.Greeting", user.DisplayName))
            .Paragraph(e.T("Email.Enterprise.Reinstated.Intro", enterprise.Name))
            .Link(e.T("Email.SignUp.Approved.SignIn"), Url("/Account/Login"))
            .Build();
    }

    public ComposedEmail Invitation(Enterprise enterprise, LabUser invitee, string invitedBy, string token)
    {
        var e = composer.In(invitee.PreferredCulture ?? "zh-CN");
        var link = Url($"/account/set-password?email={Uri.EscapeDataString(invitee.Email ?? "")}&token={Uri.EscapeDataString(token)}");
        return e.Subject(e.T("Email.Team.Invitation.Subject", enterprise.Name))
            .Heading(e.T("Email.Team.Invitation.Heading", enterprise.Name))
            .Paragraph(e.T("Email.Greeting", invitee.DisplayName))
            .Paragraph(e.T("Email.Team.Invitation.Intro", invitedBy, enterprise.Name, invitee.Email ?? ""))
            .Link(e.T("Email.Team.Invitation.SetPassword"), link)
            .Paragraph(e.T("Email.Team.Invitation.Expiry", TeamService.InvitationDays))
            .Build();
    }
}
