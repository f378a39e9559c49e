using System.Globalization;

namespace Web.Infrastructure;

public static class Lang
{
    /// <summary>True when the current request is in Chinese (the lab's default).</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Pick(string zh, string en) => IsChinese ? zh : en;

    /// <summary>The lab's clock: China Standard Time, whatever the server's own time zone.</summary>
    public static TimeZoneInfo LabTimeZone { get; } = FindLabTimeZone();

    /// <summary>A stored UTC time as the lab reads it, e.g. 2026-11-26 14:05.</summary>
    public static string Time(DateTime? utc) =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), LabTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>Today's date in the lab (Asia/Shanghai).</summary>
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, LabTimeZone));

    /// <summary>The lab's calendar day of a stored UTC time, e.g. 2026-11-26.</summary>
    public static string Day(DateTime? utc) =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), LabTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static TimeZoneInfo FindLabTimeZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }

    /// <summary>Yuan with the currency sign, e.g. ¥1,250.00.</summary>
    public static string Cny(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
