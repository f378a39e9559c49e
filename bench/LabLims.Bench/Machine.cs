using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace LabLims.Bench;

/// <summary>
/// Where and when a result was measured, printed above every table, and how busy the machine was with other work
/// meanwhile: the CPU time all processes used (Linux /proc/stat) less this process's and the app's.
/// </summary>
public static class Machine
{
    private static readonly Stopwatch Wall = Stopwatch.StartNew();
    private static readonly double? BusyAtStart = BusyCpuSeconds();
    private static readonly TimeSpan OwnAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{DateTime.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}";

    /// <summary>Reads the starting values (reading a field runs the initializers above): call it before any load of our own.</summary>
    public static void Start() => _ = BusyAtStart;

    /// <summary>The share of the machine's cores other processes used since the start, e.g. "12 %"; empty off Linux.</summary>
    public static string OthersNote()
    {
        if (BusyAtStart is not { } start || BusyCpuSeconds() is not { } now) return "";
        var own = (Process.GetCurrentProcess().TotalProcessorTime - OwnAtStart).TotalSeconds + AppProcess.AllCpuTime.TotalSeconds;
        var others = Math.Max(0, now - start - own) / (Wall.Elapsed.TotalSeconds * Environment.ProcessorCount);
        var busy = others > 0.1 ? " (other processes were busy: results are noisy)" : "";
        return $"other processes used {others.ToString("0%", CultureInfo.InvariantCulture)} of the cores during the run{busy}";
    }

    /// <summary>CPU seconds all processes have used since boot (user, nice, system, irq, softirq, steal), or null off Linux.</summary>
    private static double? BusyCpuSeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...; USER_HZ is 100 on Linux.
            long Field(int i) => long.Parse(cpu[i], CultureInfo.InvariantCulture);
            return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
