using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tests.Infrastructure;
using Web.Email;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class MailDelivery(AppFixture fixture)
{
    [Fact]
    public async Task TheAppsSenderDeliversToTheMailServer()
    {
        var sender = fixture.App.Services.GetRequiredService<IMailSender>();
        var subject = $"检测报告已签发 Report issued {Guid.NewGuid():N}";

        var receipt = await sender.SendAsync(Message(subject));

        var arrived = await fixture.Smtp.WaitForAsync(m => m.Subject == subject);
        Assert.IsType<SmtpMailSender>(sender);
        Assert.Equal($"smtp://127.0.0.1:{fixture.Smtp.Port}", receipt.Transport);
        Assert.Equal("quality@minghui-umbrella.test", Assert.Single(arrived.To.Mailboxes).Address);
        Assert.Equal("noreply@lablims.local", Assert.Single(arrived.From.Mailboxes).Address);
        Assert.Contains("委托单 WT2026-00001", arrived.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusingMailServerFailsTheSendAndRecovers()
    {
        var sender = fixture.App.Services.GetRequiredService<IMailSender>();
        var subject = $"Refused {Guid.NewGuid():N}";
        var refusedBefore = fixture.Smtp.RefusedCount;

        using (fixture.Smtp.Refuse())
        {
            var ex = await Assert.ThrowsAsync<SmtpCommandException>(() => sender.SendAsync(Message(subject)));
            Assert.Equal(451, (int)ex.StatusCode);
        }
        // Other tests' emails may hit the refusing server in the same moment: at least this one was refused.
        Assert.True(fixture.Smtp.RefusedCount > refusedBefore);
        Assert.DoesNotContain(fixture.Smtp.Messages, m => m.Subject == subject);

        await sender.SendAsync(Message(subject));
        await fixture.Smtp.WaitForAsync(m => m.Subject == subject);
    }

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(MailboxAddress.Parse("quality@minghui-umbrella.test"));
        message.Body = new TextPart("plain") { Text = "您的委托单 WT2026-00001 的检测报告已签发。\nThe report for request WT2026-00001 has been issued." };
        return message;
    }
}
