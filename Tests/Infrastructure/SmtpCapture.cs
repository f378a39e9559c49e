using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port (the SmtpServer package) that keeps every message it
/// accepts, parsed with MimeKit. Tests wait for the message they expect to arrive; <see cref="Refuse"/> makes it
/// answer DATA with an error for a while, as a mail server that is down or over quota would.
/// </summary>
public sealed class SmtpCapture : IAsyncLifetime
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);

    /// <summary>451: a transient failure, which a sender is expected to retry later.</summary>
    public static readonly SmtpResponse Unavailable = new((SmtpReplyCode)451, "4.3.0 Mail server unavailable (test)");

    private readonly Lock _gate = new();
    private readonly List<MimeMessage> _messages = [];
    private TaskCompletionSource _changed = NewSignal();
    private volatile SmtpResponse? _refusal;
    private int _refused;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public string Host => "127.0.0.1";
    public int Port { get; private set; }

    /// <summary>A snapshot of the messages accepted so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    /// <summary>How many messages were refused since the server started.</summary>
    public int RefusedCount => Volatile.Read(ref _refused);

    public async Task InitializeAsync()
    {
        Port = FreeLoopbackPort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("lablims-tests")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task DisposeAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }
        _stop.Dispose();
    }

    /// <summary>
    /// Waits for a message that matches, among those already here and those still to come. Throws a
    /// <see cref="TimeoutException"/> naming what did arrive when none matches in time.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultWait;
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var match = _messages.FirstOrDefault(predicate);
                if (match is not null) return match;
                changed = _changed.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                var subjects = Messages.Select(m => $"\"{m.Subject}\" to {m.To}").DefaultIfEmpty("none");
                throw new TimeoutException(
                    $"No matching message arrived within {wait.TotalSeconds:0.#} s. Received: {string.Join("; ", subjects)}");
            }
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }

    /// <summary>Forgets the messages received so far.</summary>
    public void Clear()
    {
        lock (_gate) _messages.Clear();
    }

    /// <summary>
    /// Answers every message with <paramref name="response"/> (451 by default) until the returned handle is
    /// disposed or <see cref="Accept"/> is called.
    /// </summary>
    public IDisposable Refuse(SmtpResponse? response = null)
    {
        _refusal = response ?? Unavailable;
        return new Restore(this);
    }

    /// <summary>Accepts messages again.</summary>
    public void Accept() => _refusal = null;

    private void Add(MimeMessage message)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _messages.Add(message);
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_running is { IsCompleted: true }) await _running; // surfaces a failure to bind
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    private sealed class Store(SmtpCapture capture) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (capture._refusal is { } refusal)
            {
                Interlocked.Increment(ref capture._refused);
                return Task.FromResult(refusal);
            }
            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            capture.Add(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Restore(SmtpCapture capture) : IDisposable
    {
        public void Dispose() => capture.Accept();
    }
}
