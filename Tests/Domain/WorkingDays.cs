using Lab.Domain.Requests;

namespace Tests.Domain;

public class WorkingDays
{
    private static readonly DateOnly Friday = new(2026, 3, 6);
    private static readonly DateOnly Monday = new(2026, 3, 9);

    [Fact]
    public void FridayPlusOneIsMonday() =>
        Assert.Equal(Monday, WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(Friday, 1));

    [Fact]
    public void FiveWorkingDaysFromMondayIsTheNextMonday() =>
        Assert.Equal(Monday.AddDays(7), WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(Monday, 5));

    [Fact]
    public void StartingOnAWeekendCountsFromTheNextWorkingDay()
    {
        var saturday = Friday.AddDays(1);

        Assert.Equal(Monday, WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(saturday, 1));
    }

    [Fact]
    public void ZeroDaysIsTheStartDay() =>
        Assert.Equal(Friday, WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(Friday, 0));

    [Fact]
    public void NegativeDaysAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayCalendar.WeekdaysOnly.AddWorkingDays(Friday, -1));

    [Fact]
    public void WeekendsAreNotWorkingDays()
    {
        Assert.True(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Friday));
        Assert.False(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Friday.AddDays(1)));
        Assert.False(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Friday.AddDays(2)));
        Assert.True(WorkingDayCalendar.WeekdaysOnly.IsWorkingDay(Monday));
    }

    [Fact]
    public void HolidaysAreSkipped()
    {
        // A week-long holiday from Thursday 1 October to Wednesday 7 October 2026.
        var holidays = Enumerable.Range(0, 7).Select(i => new DateOnly(2026, 10, 1).AddDays(i));
        var calendar = new WorkingDayCalendar(holidays);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.Equal(new DateOnly(2026, 10, 8), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
        Assert.Equal(new DateOnly(2026, 10, 12), calendar.AddWorkingDays(new DateOnly(2026, 9, 29), 4));
    }

    [Fact]
    public void MakeUpWorkdaysOnAWeekendCount()
    {
        // 调休: Saturday 10 October 2026 is worked in exchange for a holiday.
        var madeUpSaturday = new DateOnly(2026, 10, 10);
        var calendar = new WorkingDayCalendar(makeUpWorkdays: [madeUpSaturday]);

        Assert.True(calendar.IsWorkingDay(madeUpSaturday));
        Assert.Equal(madeUpSaturday, calendar.AddWorkingDays(new DateOnly(2026, 10, 9), 1));
        Assert.Equal(new DateOnly(2026, 10, 12), calendar.AddWorkingDays(madeUpSaturday, 1));
    }

    [Fact]
    public void HolidaysAndMakeUpWorkdaysTogether()
    {
        var holidays = Enumerable.Range(0, 7).Select(i => new DateOnly(2026, 10, 1).AddDays(i));
        var calendar = new WorkingDayCalendar(holidays, makeUpWorkdays: [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]);

        // Fri 25 Sep + 1: Sunday 27 September is worked.
        Assert.Equal(new DateOnly(2026, 9, 27), calendar.AddWorkingDays(new DateOnly(2026, 9, 25), 1));
        // Tue 29 Sep + 3: Wed 30, Thu 8 Oct, Fri 9 Oct.
        Assert.Equal(new DateOnly(2026, 10, 9), calendar.AddWorkingDays(new DateOnly(2026, 9, 29), 3));
        // Tue 29 Sep + 4: Saturday 10 October is worked.
        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 29), 4));
    }

    [Fact]
    public void HolidayOnAWeekdayIsNotWorked()
    {
        var calendar = new WorkingDayCalendar(holidays: [Monday]);

        Assert.Equal(Monday.AddDays(1), calendar.AddWorkingDays(Friday, 1));
    }
}
