using Microsoft.Extensions.Options;
using MimeKit;
using Tests.Infrastructure;
using Web.Email;
using Web.Infrastructure;

namespace Tests.Web;

/// <summary>Without Smtp:Host the app writes mail to its data folder's outbox; no app host is needed to prove it.</summary>
public sealed class OutboxMail : IDisposable
{
    private readonly string _folder = TestFolders.NewTemp("outbox");

    public void Dispose() => TestFolders.DeleteQuietly(_folder);

    [Fact]
    public async Task WritesEachMessageAsAnEmlFileInTheOutbox()
    {
        var paths = new DataPaths(_folder);
        var sender = new OutboxMailSender(paths, Options.Create(new SmtpOptions()), TimeProvider.System);
        var message = new MimeMessage { Subject = "样品已接收 Samples received" };
        message.To.Add(MailboxAddress.Parse("client@minghui-umbrella.test"));
        message.Body = new TextPart("plain") { Text = "S2026-000001 已接收。" };

        var receipt = await sender.SendAsync(message);

        var file = Assert.Single(Directory.GetFiles(paths.Outbox, "*.eml"));
        Assert.Equal("outbox", receipt.Transport);
        Assert.Equal(file, receipt.Response);
        var written = await MimeMessage.LoadAsync(file);
        Assert.Equal("样品已接收 Samples received", written.Subject);
        Assert.Equal("noreply@lablims.local", Assert.Single(written.From.Mailboxes).Address);
        Assert.Equal("client@minghui-umbrella.test", Assert.Single(written.To.Mailboxes).Address);
        Assert.Contains("S2026-000001", written.TextBody, StringComparison.Ordinal);
    }
}
