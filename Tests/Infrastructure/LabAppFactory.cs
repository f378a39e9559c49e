using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs unchanged) on a fresh temp data folder: real migrations on a SQLite file, demo
/// users and requests, Hangfire polling every 200 ms, mail to an <see cref="SmtpCapture"/>. After
/// <see cref="Start"/> it listens on a real loopback port (<see cref="ServerAddress"/>) so a browser can reach it.
/// </summary>
public sealed partial class LabAppFactory : WebApplicationFactory<Program>
{
    public const string AuthCookie = "LabLims.Auth";

    private readonly Dictionary<string, string?> _settings;
    private string? _serverAddress;

    /// <param name="smtpPort">Port of the SMTP server the app sends mail to.</param>
    /// <param name="settings">Extra or overriding configuration (e.g. ["Smtp:Host"] = "" for the outbox).</param>
    public LabAppFactory(int smtpPort, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataFolder = TestFolders.NewTemp("app");
        _settings = new Dictionary<string, string?>
        {
            ["Lab:DataFolder"] = DataFolder,
            ["Lab:DemoData"] = "true",
            ["Lab:JobPollInterval"] = "00:00:00.200",
            ["Lab:JobWorkers"] = "2",
            ["Instruments:SimulatedCaptureDelay"] = "00:00:00",
            ["Instruments:ImportPollInterval"] = "00:00:00.300",
            ["Instruments:RetryDelays:0"] = "00:00:00.300",
            ["Instruments:RetryDelays:1"] = "00:00:00.300",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            // Keep the test log to what matters.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Warning",
        };
        if (settings is not null)
            foreach (var (key, value) in settings) _settings[key] = value;
    }

    /// <summary>The app's data folder (database, job storage, outbox, files); deleted on dispose.</summary>
    public string DataFolder { get; }

    /// <summary>The real address the app listens on, e.g. http://127.0.0.1:41234 (after <see cref="Start"/>).</summary>
    public string ServerAddress => _serverAddress ?? throw new InvalidOperationException("Call Start() first: the app is not on Kestrel yet.");

    /// <summary>Starts the app on Kestrel on a free loopback port.</summary>
    public void Start()
    {
        if (_serverAddress is not null) return;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var address = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal)) ?? addresses.First();
        // A wildcard or "localhost" binding is reached through the IPv4 loopback address.
        _serverAddress = new UriBuilder(address) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings given here reach Program.cs before it reads its configuration (they are passed as arguments),
        // unlike ConfigureAppConfiguration, which is applied only when the host is built.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A client over real HTTP to <see cref="ServerAddress"/>, keeping cookies.</summary>
    public HttpClient CreateHttpClient(bool allowAutoRedirect = true) => CreateHttpClient(new CookieContainer(), allowAutoRedirect);

    /// <summary>
    /// Signs in through the real login form (GET /Account/Login, its antiforgery token, POST Email and Password)
    /// and returns a client that keeps the session cookie.
    /// </summary>
    public async Task<HttpClient> CreateClientFor(string email, string password, bool allowAutoRedirect = true)
    {
        var cookies = new CookieContainer();
        var client = CreateHttpClient(cookies, allowAutoRedirect);
        try
        {
            var form = await client.GetStringAsync("/Account/Login");
            var token = AntiforgeryToken(form)
                ?? throw new InvalidOperationException("The login page has no __RequestVerificationToken field.");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            });
            using var response = await client.PostAsync("/Account/Login", content);
            if (cookies.GetCookies(client.BaseAddress!)[AuthCookie] is null)
                throw new InvalidOperationException(
                    $"Signing in as {email} failed: HTTP {(int)response.StatusCode}, no {AuthCookie} cookie was set.");
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The value of the antiforgery field in a page's form, if any.</summary>
    public static string? AntiforgeryToken(string html)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (!input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)) continue;
            var value = ValueAttribute().Match(input.Value);
            if (value.Success) return WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        return null;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // The app is gone: its pooled SQLite connections (the only ones left on these files) can go too.
        SqliteConnection.ClearAllPools();
        TestFolders.DeleteQuietly(DataFolder);
    }

    private HttpClient CreateHttpClient(CookieContainer cookies, bool allowAutoRedirect)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = allowAutoRedirect,
            UseProxy = false,
        };
        return new HttpClient(handler) { BaseAddress = new Uri(ServerAddress), Timeout = TimeSpan.FromSeconds(60) };
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();
}
