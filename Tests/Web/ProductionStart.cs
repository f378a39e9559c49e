using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// The app as a lab would start it in production: its own process, Production environment, the first
/// administrator from configuration, and no demo users.
/// </summary>
public sealed class ProductionStart : IAsyncLifetime
{
    private const string AdminEmail = "quality.manager@lab.example.cn";
    private const string AdminPassword = "Firm#Start2026";
    private readonly string _dataFolder = TestFolders.NewTemp("production");
    private Process? _app;
    private string _baseAddress = "";
    private readonly System.Text.StringBuilder _output = new();

    public async Task InitializeAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var web = Path.Combine(TestFolders.RepositoryRoot, "Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the Web project is built with the tests.");
        var port = FreePort();
        _baseAddress = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, "--urls", _baseAddress, "--contentRoot", web, "--environment", "Production",
                     "--Lab:DataFolder", _dataFolder, "--Admin:Email", AdminEmail, "--Admin:Password", AdminPassword,
                     "--Lab:JobPollInterval", "00:00:01",
                 })
            start.ArgumentList.Add(arg);
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _app.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(_baseAddress + "/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            if (_app.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The app did not start:\n{Output}");
            await Task.Delay(250);
        }
    }

    private string Output { get { lock (_output) return _output.ToString(); } }

    public Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit(10_000);
        }
        _app?.Dispose();
        TestFolders.DeleteQuietly(_dataFolder);
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
    {
        var token = LabAppFactory.AntiforgeryToken(await client.GetStringAsync(_baseAddress + "/Account/Login"))!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(_baseAddress + "/Account/Login", form);
    }

    [Fact]
    public async Task TheFirstAdminComesFromConfigurationAndThereAreNoDemoUsers()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler);

        var demo = await LoginAsync(client, "admin@lablims.test", DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode); // the form again, with the error
        Assert.Contains("邮箱或密码不正确", await demo.Content.ReadAsStringAsync());

        var admin = await LoginAsync(client, AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        var adminPage = await client.GetStringAsync(_baseAddress + "/admin");
        Assert.Contains(AdminEmail, adminPage);
        Assert.DoesNotContain("minghui", adminPage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(_baseAddress + "/hangfire")).StatusCode);

        // The catalog is seeded in every environment.
        var catalog = await client.GetStringAsync(_baseAddress + "/catalog");
        Assert.Contains("data-method-code=\"UMB-FRAME\"", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPageIsFriendlyAndShowsNoStackTrace()
    {
        using var client = new HttpClient();

        var response = await client.GetAsync(_baseAddress + "/requests/../../etc/passwd");
        var missing = await client.GetAsync(_baseAddress + "/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
