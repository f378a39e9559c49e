using Lab.Domain.Common;
using Microsoft.Extensions.Options;
using Web.Infrastructure;

namespace Web.Instruments;

/// <summary>
/// The watched import folder: an instrument PC (or a shared drive) drops its exported result files into
/// data/import/{instrument code}/; each is imported like a file posted to the API, then moved to processed/ or, when
/// it cannot be used, to rejected/ with a note saying why. Polling (not file-system events) works on network shares too.
/// </summary>
public sealed class ImportFolderWatcher(IServiceScopeFactory scopes, DataPaths paths, IConfiguration configuration, ILogger<ImportFolderWatcher> logger)
    : BackgroundService
{
    public string Root => Path.Combine(paths.Root, "import");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(Root);
        var interval = configuration.GetValue("Instruments:ImportPollInterval", TimeSpan.FromSeconds(2));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await ScanOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Import folder scan failed"); }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task ScanOnceAsync(CancellationToken ct = default)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var code = Path.GetFileName(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.csv").Order())
            {
                // A file still being written is left for the next scan.
                if (File.GetLastWriteTimeUtc(file) > DateTime.UtcNow.AddSeconds(-1)) continue;
                var bytes = await File.ReadAllBytesAsync(file, ct);
                string outcome;
                string? note = null;
                try
                {
                    using var scope = scopes.CreateScope();
                    var (run, duplicate) = await scope.ServiceProvider.GetRequiredService<RunService>()
                        .ImportAsync(code, bytes, Path.GetFileName(file), $"import-folder:{code}");
                    outcome = "processed";
                    logger.LogInformation("Imported {File} as run {Run}{Duplicate}", file, run.Id, duplicate ? " (already imported)" : "");
                }
                catch (DomainException ex)
                {
                    outcome = "rejected";
                    note = ex.Message;
                    logger.LogWarning("Rejected {File}: {Reason}", file, ex.Message);
                }
                var target = Path.Combine(folder, outcome);
                Directory.CreateDirectory(target);
                var destination = Path.Combine(target, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Path.GetFileName(file)}");
                File.Move(file, destination);
                if (note is not null) await File.WriteAllTextAsync(destination + ".error.txt", note, ct);
            }
        }
    }
}
