using Lab.Domain.Instruments;
using Web.Infrastructure;

namespace Web.Instruments;

/// <summary>Draws a run's curve from its kept raw data (the file named by its SHA-256), for every page that shows one.</summary>
public sealed class RunCurveReader(DataPaths paths)
{
    /// <summary>The curve as SVG, or null when the run has no raw data (yet) or its format has no curve.</summary>
    public async Task<string?> SvgAsync(Run run, CancellationToken cancellationToken = default)
    {
        if (run.RawDataPath is not { } raw || run.RawDataFormat is not { } format) return null;
        var path = Path.Combine(paths.Files, raw);
        if (!File.Exists(path)) return null;
        var capture = new RawCapture(format, await File.ReadAllBytesAsync(path, cancellationToken), Path.GetExtension(raw));
        return RunCurves.From(capture) is { } curve && RunCurves.Svg(curve) is { Length: > 0 } svg ? svg : null;
    }
}
