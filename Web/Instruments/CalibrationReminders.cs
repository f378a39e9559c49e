using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Instruments;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Web.Email;
using Web.Infrastructure;

namespace Web.Instruments;

/// <summary>
/// Daily: tells the administrators which instruments fall due for calibration within the warning period (or are
/// already overdue), once per instrument and due date — an instrument past its due date cannot produce results.
/// </summary>
public sealed class CalibrationReminders(LabDbContext db, UserManager<LabUser> users, EmailQueue emails, EmailComposer composer,
    TimeProvider clock, IOptions<LabOptions> options)
{
    public const int WarningDays = 30;

    public async Task SendAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Lang.LabTimeZone));
        var horizon = today.AddDays(WarningDays);
        var due = await db.Instruments.AsNoTracking()
            .Where(i => i.Status == InstrumentStatus.InService && i.CalibrationDue != null && i.CalibrationDue <= horizon)
            .OrderBy(i => i.CalibrationDue).ToListAsync();
        if (due.Count == 0) return;
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => !string.IsNullOrEmpty(u.Email)).ToList();
        foreach (var instrument in due)
        {
            var reference = $"{instrument.Code}@{instrument.CalibrationDue:yyyy-MM-dd}";
            if (await db.OutgoingEmails.AnyAsync(e => e.Purpose == "calibration-due" && e.Reference == reference)) continue;
            foreach (var admin in admins)
            {
                var e = composer.In(admin.PreferredCulture ?? "zh-CN");
                var overdue = instrument.CalibrationDue < today;
                var mail = e.Subject(e.T(overdue ? "Email.Calibration.OverdueSubject" : "Email.Calibration.DueSubject", instrument.Code, Lang.Date(instrument.CalibrationDue)))
                    .Heading(e.T("Email.Calibration.Heading", instrument.Code, instrument.Name))
                    .Paragraph(e.T(overdue ? "Email.Calibration.Overdue" : "Email.Calibration.Due", Lang.Date(instrument.CalibrationDue), instrument.CalibrationCertificate ?? "—"))
                    .Row(e.T("Instruments.Code"), instrument.Code)
                    .Row(e.T("Instruments.Type"), InstrumentTypes.Name(instrument.Type, e.Culture == "zh-CN"))
                    .Row(e.T("Instruments.Location"), instrument.Location)
                    .Link(e.T("Email.Calibration.Open"), $"{options.Value.PublicUrl.TrimEnd('/')}/instruments")
                    .Build();
                emails.Stage(mail, admin.Email!, "calibration-due", reference);
            }
        }
        await db.SaveChangesAsync();
        emails.DispatchStaged();
    }
}
