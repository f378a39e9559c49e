using System.Security.Cryptography;
using Lab.Domain.Reports;
using Web.Infrastructure;

namespace Web.Reports;

public enum StoredPdfState { Ready, NotGenerated, Missing, Damaged }

/// <summary>A report's PDF as stored, or why it cannot be served.</summary>
public sealed record StoredPdf(StoredPdfState State, byte[]? Bytes)
{
    /// <summary>The name a browser or ERP saves it under: the report number.</summary>
    public static string FileName(Report report) => report.Number + ".pdf";
}

/// <summary>
/// Reads the issued PDF exactly as the certificate job stored it (under the data folder's files/, at the report's
/// PdfPath) and checks it against the SHA-256 recorded at issue: a changed or missing file is never served as the
/// report, it is logged as an error and the caller is told the lab must look at it.
/// </summary>
public sealed class ReportFiles(DataPaths paths, ILogger<ReportFiles> log)
{
    public async Task<StoredPdf> ReadAsync(Report report, CancellationToken ct = default)
    {
        if (report.PdfPath is null || report.PdfSha256 is null) return new(StoredPdfState.NotGenerated, null);
        var path = FullPath(report.PdfPath);
        if (path is null || !File.Exists(path))
        {
            log.LogError("The PDF of report {Number} is missing: {Path}", report.Number, report.PdfPath);
            return new(StoredPdfState.Missing, null);
        }
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var hash = Sha256(bytes);
        if (!string.Equals(hash, report.PdfSha256, StringComparison.OrdinalIgnoreCase))
        {
            log.LogError("The PDF of report {Number} does not match its recorded SHA-256: stored {Recorded}, file {Actual} ({Path})",
                report.Number, report.PdfSha256, hash, report.PdfPath);
            return new(StoredPdfState.Damaged, null);
        }
        return new(StoredPdfState.Ready, bytes);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static async Task<string> Sha256Async(Stream stream, CancellationToken ct = default) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));

    /// <summary>The file under files/; null for a path that would leave it.</summary>
    private string? FullPath(string relative)
    {
        var root = Path.GetFullPath(paths.Files) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
