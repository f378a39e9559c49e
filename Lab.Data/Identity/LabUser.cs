using Microsoft.AspNetCore.Identity;

namespace Lab.Data.Identity;

/// <summary>A person who signs in: lab staff (by role) or a user of a client enterprise.</summary>
public class LabUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Set for Client users: the enterprise whose requests they may see.</summary>
    public int? EnterpriseId { get; set; }
    /// <summary>The UI language the user chose last (zh-CN or en).</summary>
    public string? PreferredCulture { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Client = "Client";
    public const string Reception = "Reception";
    public const string Technician = "Technician";
    public const string Reviewer = "Reviewer";
    public const string Signatory = "Signatory";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Client, Reception, Technician, Reviewer, Signatory, Admin];
    public static readonly IReadOnlyList<string> Staff = [Reception, Technician, Reviewer, Signatory, Admin];
}
