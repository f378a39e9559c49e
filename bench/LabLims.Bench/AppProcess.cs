using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LabLims.Bench;

/// <summary>
/// The real app as a lab runs it: its own process (`dotnet Web.dll`) from Web's build output of the bench's own
/// configuration, Production, a data folder of its own, mail to the outbox (no Smtp:Host), on a free loopback port.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string BaseAddress { get; }
    public int ProcessId => _process.Id;
    public string DataFolder { get; }

    private AppProcess(Process process, string baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    private static readonly List<AppProcess> Started = [];
    private TimeSpan _cpuAtExit;

    /// <summary>CPU time of every app process this run started (for <see cref="Machine.OthersNote"/>).</summary>
    public static TimeSpan AllCpuTime
    {
        get
        {
            lock (Started) return Started.Aggregate(TimeSpan.Zero, (sum, app) => sum + app.CpuTime);
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The app that is started: Web's build output, or another build given with --web.</summary>
    public static string WebDll { get; set; } = Path.Combine(RepositoryRoot, "Web", "bin", Configuration, "net10.0", "Web.dll");

    public static string NewDataFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lablims-bench", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Starts the app and waits until /health answers 200; <paramref name="settings"/> are more "--Key value" pairs.</summary>
    public static async Task<AppProcess> StartAsync(string dataFolder, bool demoData, params (string Key, string Value)[] settings)
    {
        if (!File.Exists(WebDll))
            throw new InvalidOperationException($"{WebDll} is missing: build with `dotnet build -c {Configuration} bench/LabLims.Bench` (it builds Web).");
        var web = Path.Combine(RepositoryRoot, "Web");
        var baseAddress = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     WebDll, "--urls", baseAddress, "--contentRoot", web, "--environment", "Production",
                     "--Lab:DataFolder", dataFolder, "--Lab:DemoData", demoData ? "true" : "false", "--Smtp:Host=",
                 })
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, baseAddress, dataFolder);
        lock (Started) Started.Add(app);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(baseAddress + "/health")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The app did not start:\n{app.Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>CPU time the app process has used so far (user + system): less sensitive to other processes than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? _cpuAtExit : _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return _cpuAtExit; // disposed
            }
        }
    }

    /// <summary>
    /// CPU time (user + system) of the runtime's tiered-compilation thread (Linux: the task named ".NET Tiered Com"
    /// in /proc): the JIT recompiling hot methods at higher tiers in the background. Near zero once the app's hot code
    /// has reached its final tier; null where /proc cannot tell.
    /// </summary>
    public TimeSpan? TieringCpuTime
    {
        get
        {
            try
            {
                var tasks = $"/proc/{_process.Id}/task";
                if (!Directory.Exists(tasks)) return null;
                long ticks = 0;
                foreach (var task in Directory.EnumerateDirectories(tasks))
                {
                    if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal)) continue;
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    // Fields after the parenthesized name: state is field 3; utime and stime are fields 14 and 15.
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                             long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
                return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Waits until the app has finished what it was doing in the background (e.g. the confirmation emails of bookings
    /// just made, each rendering a label PDF): less than 5 % of a core over half a second, or 60 s at most. Returns how
    /// long it waited. A measurement of something else on the machine (the bare endpoint) is then not slowed by it.
    /// </summary>
    public async Task<TimeSpan> WaitUntilIdleAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var before = CpuTime;
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            var now = CpuTime;
            if ((now - before).TotalMilliseconds < 25) break;
            before = now;
        }
        return waited.Elapsed;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public ValueTask DisposeAsync()
    {
        _cpuAtExit = CpuTime;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void DeleteDataFolder(string folder, bool keep)
    {
        if (keep)
        {
            Console.WriteLine($"Data folder kept: {folder}");
            return;
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LabLims.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LabLims.sln not found above the bench's folder.");
    }
}
