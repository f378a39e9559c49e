using System.Globalization;
using System.Runtime.InteropServices;

namespace LabLims.Bench;

/// <summary>Where and when a result was measured, printed above every table; the load average shows a busy machine.</summary>
public static class Machine
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"{DateTime.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}";

    /// <summary>The 1-minute load average (Linux), or null elsewhere. Above the core count, other work was competing.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The load average when the bench started, before it put any load of its own on the machine.</summary>
    public static readonly double? LoadAtStart = LoadAverage();

    public static string LoadNote()
    {
        var load = LoadAtStart;
        if (load is null) return "";
        var busy = load > Environment.ProcessorCount ? " (busy: other processes were running, results are noisy)" : "";
        return $"load average {load.Value.ToString("0.0", CultureInfo.InvariantCulture)} at the start{busy}";
    }
}
