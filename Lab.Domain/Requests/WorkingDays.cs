namespace Lab.Domain.Requests;

/// <summary>
/// Turnaround is promised in working days. Weekends are skipped; the lab's public holidays (and the Chinese
/// make-up working Saturdays/Sundays, 调休) can be supplied so the promise follows the official calendar.
/// </summary>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? makeUpWorkdays = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];
    private readonly HashSet<DateOnly> _makeUpWorkdays = [.. makeUpWorkdays ?? []];

    public static WorkingDayCalendar WeekdaysOnly { get; } = new();

    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) days--;
        }
        return day;
    }
}
