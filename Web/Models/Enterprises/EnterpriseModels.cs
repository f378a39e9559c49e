using System.ComponentModel.DataAnnotations;
using Lab.Domain.Enterprises;

namespace Web.Models.Enterprises;

/// <summary>What a manufacturer fills in to open an enterprise account (企业注册).</summary>
public sealed class SignUpInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.CompanyName")]
    public string CompanyName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.CreditCode")]
    public string CreditCode { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.Address")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.ContactName")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.Phone")]
    public string Phone { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "SignUp.PasswordsDiffer")]
    [Display(Name = "SignUp.Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>A colleague invited to the enterprise's account.</summary>
public sealed class InviteInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Team.Field.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    /// <summary>The language of the invitation and of the colleague's pages until they choose another.</summary>
    [Display(Name = "Team.Field.Language")]
    public string Culture { get; set; } = "zh-CN";
}

/// <summary>A person at the enterprise the lab may write to (联系人).</summary>
public sealed class ContactInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Team.Field.Name")]
    public string Name { get; set; } = "";

    [StringLength(40, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "SignUp.Field.Phone")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(254, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Display(Name = "Recipients.ReceivesReports")]
    public bool ReceivesReports { get; set; } = true;
}

public sealed class RejectInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Enterprises.RejectionReason")]
    public string Reason { get; set; } = "";
}

/// <summary>The invitation link's page: choose a password (and confirm it).</summary>
public sealed class SetPasswordInput
{
    public string Email { get; set; } = "";
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "SignUp.PasswordsDiffer")]
    [Display(Name = "SignUp.Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed record SetPasswordVm(SetPasswordInput Input, string? DisplayName, string? EnterpriseName, bool LinkValid);

public sealed record ContactVm(int Id, string Name, string? Phone, string Email, bool ReceivesReports);

public sealed record MemberVm(string Email, string DisplayName, bool Active, DateTime CreatedAt, bool IsMe);

public sealed record EnterpriseSummaryVm(int Id, string Name, string CreditCode, EnterpriseStatus Status, DateTime RegisteredAt,
    string ContactName, string? ContactPhone, string ContactEmail);

public sealed record EnterpriseListVm(IReadOnlyList<EnterpriseSummaryVm> Pending, IReadOnlyList<EnterpriseSummaryVm> Others);

public sealed record EnterpriseDetailsVm(int Id, string Name, string CreditCode, string Address, EnterpriseStatus Status,
    DateTime RegisteredAt, DateTime? ApprovedAt, string? ApprovedBy, string? RejectionReason,
    IReadOnlyList<ContactVm> Contacts, IReadOnlyList<MemberVm> Users, RejectInput Reject)
{
    public bool CanApprove => Status is EnterpriseStatus.PendingApproval or EnterpriseStatus.Suspended;
    public bool CanReject => Status == EnterpriseStatus.PendingApproval;
    /// <summary>An approved enterprise can be suspended, and a suspended one reinstated, by an administrator.</summary>
    public bool CanSuspend => Status == EnterpriseStatus.Approved;
    public bool IsSuspended => Status == EnterpriseStatus.Suspended;
    public RejectInput Suspend { get; init; } = new();
}

public sealed record TeamVm(string EnterpriseName, EnterpriseStatus Status, IReadOnlyList<MemberVm> Members,
    IReadOnlyList<ContactVm> Contacts, InviteInput Invite, ContactInput Contact);
