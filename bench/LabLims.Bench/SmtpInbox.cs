using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LabLims.Bench;

/// <summary>One message as the SMTP server accepted it: when (Stopwatch timestamp), to whom, and its PDF attachments' SHA-256.</summary>
public sealed record InboxMessage(long ArrivedAt, IReadOnlyList<string> To, string Subject, IReadOnlyList<(string Name, string Sha256)> Pdfs);

/// <summary>
/// A local SMTP server on 127.0.0.1 (the SmtpServer package, as Tests/Infrastructure/SmtpCapture uses it) that the app
/// sends to: every accepted message is parsed with MimeKit and kept with its arrival time.
/// </summary>
public sealed class SmtpInbox : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<InboxMessage> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public int Port { get; } = AppProcess.FreePort();

    public IReadOnlyList<InboxMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    public int Count
    {
        get { lock (_gate) return _messages.Count; }
    }

    public static async Task<SmtpInbox> StartAsync()
    {
        var inbox = new SmtpInbox();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("lablims-bench")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, inbox.Port)).IsSecure(false))
            .MaxMessageSize(50 * 1024 * 1024)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(inbox));
        inbox._running = new SmtpServer.SmtpServer(options, services).StartAsync(inbox._stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (inbox._running.IsCompleted) await inbox._running; // a failure to bind
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, inbox.Port);
                return inbox;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_running is not null) await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
        }
        _stop.Dispose();
    }

    private void Add(InboxMessage message)
    {
        lock (_gate) _messages.Add(message);
    }

    private sealed class Store(SmtpInbox inbox) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var arrived = Stopwatch.GetTimestamp();
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            var message = MimeMessage.Load(stream, cancellationToken);
            var pdfs = new List<(string, string)>();
            foreach (var part in message.Attachments.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("application", "pdf")))
            {
                using var content = new MemoryStream();
                part.Content?.DecodeTo(content, cancellationToken);
                var bytes = content.ToArray();
                // A PDF, not some bytes with a PDF name.
                if (bytes.AsSpan().StartsWith("%PDF-"u8)) pdfs.Add((part.FileName ?? "", Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }
            inbox.Add(new InboxMessage(arrived, message.To.Mailboxes.Select(m => m.Address).ToList(), message.Subject ?? "", pdfs));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
