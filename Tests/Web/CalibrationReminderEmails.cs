using Lab.Data;
using Lab.Domain.Instruments;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Instruments;

namespace Tests.Web;

/// <summary>The administrators hear about calibrations falling due (and overdue) once per instrument and due date.</summary>
[Collection(AppCollection.Name)]
public sealed class CalibrationReminderEmails(AppFixture fixture)
{
    [Fact]
    public async Task AdminsAreEmailedOnceAboutDueAndExpiredCalibrations()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var (expiredCode, dueCode, fineCode) = ($"EXP-{suffix}", $"DUE-{suffix}", $"OK-{suffix}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            Instrument Make(string code, int dueInDays)
            {
                var i = new Instrument(code, $"Test instrument {code}", InstrumentType.Durometer, "Test lab", "SN-" + code);
                i.RecordCalibration("JZ-" + code, today.AddDays(dueInDays - 365), today.AddDays(dueInDays));
                return i;
            }
            db.Instruments.AddRange(Make(expiredCode, -3), Make(dueCode, 20), Make(fineCode, 200));
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CalibrationReminders>().SendAsync();
        }

        var expired = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(expiredCode, StringComparison.Ordinal) == true);
        Assert.Contains("过期", expired.Subject);
        Assert.Contains("admin@lablims.test", expired.To.Mailboxes.Select(a => a.Address));
        var due = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(dueCode, StringComparison.Ordinal) == true);
        Assert.Contains("将于", due.Subject);

        using (var scope = fixture.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CalibrationReminders>().SendAsync();
        await Task.Delay(1500);
        Assert.Single(fixture.Smtp.Messages, m => m.Subject?.Contains(expiredCode, StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(a => a.Address == "admin@lablims.test"));
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.Subject?.Contains(fineCode, StringComparison.Ordinal) == true);
    }
}
