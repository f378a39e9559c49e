namespace Lab.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, string name, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException("required", $"{name} is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainException("too-long", $"{name} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string name, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainException("too-long", $"{name} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static DateTime Utc(DateTime value, string name) =>
        value.Kind == DateTimeKind.Local
            ? throw new DomainException("not-utc", $"{name} must be a UTC time.")
            : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
