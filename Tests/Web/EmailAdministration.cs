using System.Net;
using Lab.Data;
using Lab.Data.Outbox;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Admin sees which emails failed, with the reason, and sends them again; only Admin may.</summary>
[Collection(AppCollection.Name)]
public sealed class EmailAdministration(AppFixture fixture)
{
    private async Task<int> FailedEmailAsync(string subject)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var email = new OutgoingEmail
        {
            Purpose = "report-issued", Reference = "BG2026-09999", To = "lost@minghui-umbrella.test", Subject = subject,
            HtmlBody = "<p>Report</p>", TextBody = "Report", Culture = "zh-CN", Status = EmailStatus.Failed, Attempts = 8,
            LastError = "SmtpCommandException: 4.3.0 Mail server unavailable", CreatedAt = DateTime.UtcNow.AddHours(-2),
        };
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private static async Task<HttpResponseMessage> ResendAsync(HttpClient client, int id)
    {
        var page = await client.GetStringAsync("/admin/emails?status=Failed");
        var form = page[page.IndexOf($"/admin/emails/{id}/resend", StringComparison.Ordinal)..];
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LabAppFactory.AntiforgeryToken(form)!,
        });
        return await client.PostAsync($"/admin/emails/{id}/resend", content);
    }

    [Fact]
    public async Task AFailedEmailIsListedWithItsReasonAndResentOnce()
    {
        var subject = $"检测报告 BG2026-09999 {Guid.NewGuid():N}";
        var id = await FailedEmailAsync(subject);
        using var admin = await fixture.App.CreateClientFor("admin@lablims.test", DemoData.Password);

        var page = await admin.GetStringAsync("/admin/emails?status=Failed");
        Assert.Contains("data-testid=\"failed-count\"", page, StringComparison.Ordinal);
        Assert.Contains("lost@minghui-umbrella.test", page, StringComparison.Ordinal);
        Assert.Contains("Mail server unavailable", page, StringComparison.Ordinal);

        var resent = await ResendAsync(admin, id);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("正在重新发送", await resent.Content.ReadAsStringAsync());
        await fixture.Smtp.WaitForAsync(m => m.Subject == subject);

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        for (var i = 0; i < 100 && (await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id)).Status != EmailStatus.Sent; i++)
            await Task.Delay(100);
        var email = await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal(EmailStatus.Sent, email.Status);
        Assert.NotNull(email.ServerResponse);
        Assert.Single(fixture.Smtp.Messages, m => m.Subject == subject);
    }

    [Theory]
    [InlineData("reviewer@lablims.test")]
    [InlineData("client@minghui-umbrella.test")]
    public async Task OnlyAdminSeesTheEmailLog(string email)
    {
        using var client = await fixture.App.CreateClientFor(email, DemoData.Password, allowAutoRedirect: false);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/admin/emails")).StatusCode);
    }
}
