using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Web.Infrastructure;

namespace Web.Email;

/// <summary>The Smtp section. With no Host, mail goes to the outbox folder as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "LabLims <noreply@lablims.local>";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>What a delivery attempt ended with: the server's reply, or where the .eml was written.</summary>
public sealed record MailReceipt(string Transport, string Response);

/// <summary>Sends one message. Callers (jobs) retry on failure; the sender itself does not.</summary>
public interface IMailSender
{
    Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default);
    MailboxAddress From { get; }
}

public sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    private readonly SmtpOptions _options = options.Value;

    public MailboxAddress From => MailboxAddress.Parse(_options.From);

    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        if (message.From.Count == 0) message.From.Add(From);
        using var client = new SmtpClient();
        await client.ConnectAsync(_options.Host ?? "localhost", _options.Port, _options.Security, ct);
        if (!string.IsNullOrEmpty(_options.UserName))
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        var response = await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return new MailReceipt($"smtp://{_options.Host}:{_options.Port}", response);
    }
}

/// <summary>The embedded default: each message becomes an .eml file in the data folder's outbox.</summary>
public sealed class OutboxMailSender(DataPaths paths, IOptions<SmtpOptions> options, TimeProvider clock) : IMailSender
{
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        if (message.From.Count == 0) message.From.Add(From);
        Directory.CreateDirectory(paths.Outbox);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(paths.Outbox, name);
        await message.WriteToAsync(path, ct);
        return new MailReceipt("outbox", path);
    }
}
