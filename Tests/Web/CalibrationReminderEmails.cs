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
        using (var scope = fixture.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CalibrationReminders>().SendAsync();

        var expired = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains("UTM-03", StringComparison.Ordinal) == true);
        Assert.Contains("过期", expired.Subject);
        Assert.Contains("admin@lablims.test", expired.To.Mailboxes.Select(a => a.Address));
        var due = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains("HYD-02", StringComparison.Ordinal) == true);
        Assert.Contains("将于", due.Subject);

        var before = fixture.Smtp.Messages.Count(m => m.Subject?.Contains("UTM-03", StringComparison.Ordinal) == true);
        using (var scope = fixture.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<CalibrationReminders>().SendAsync();
        await Task.Delay(1500);
        Assert.Equal(before, fixture.Smtp.Messages.Count(m => m.Subject?.Contains("UTM-03", StringComparison.Ordinal) == true));
    }
}
