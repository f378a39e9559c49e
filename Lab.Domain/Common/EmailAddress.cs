using System.Text.RegularExpressions;

namespace Lab.Domain.Common;

public static partial class EmailAddress
{
    /// <summary>Trims and lower-cases an address; throws when it is not of the form name@domain.tld.</summary>
    public static string Normalize(string? email)
    {
        var e = (email ?? "").Trim().ToLowerInvariant();
        if (e.Length is 0 or > 254 || !Pattern().IsMatch(e))
            throw new DomainException("email-invalid", $"'{email}' is not a valid email address.");
        return e;
    }

    public static bool IsValid(string? email) => !string.IsNullOrWhiteSpace(email) && email.Length <= 254 && Pattern().IsMatch(email.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Pattern();
}
