using System.Threading.RateLimiting;
using Lab.Data;
using Lab.Domain.Catalog;
using Lab.Domain.Reports;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Web.Reports;

/// <summary>
/// What the public verification page (the QR's target) shows to anyone holding a report's code, and nothing more:
/// no results, no prices, no contacts, no reasons given to the customer.
/// </summary>
public sealed record VerificationVm(string Code, string Number, string EnterpriseName, IReadOnlyList<string> SampleNames,
    DateTime IssuedAt, Verdict Conclusion, ReportStatus Status, string? SupersededByNumber, string? PdfSha256)
{
    /// <summary>The outcome of comparing a file or a pasted SHA-256 with the stored one; null when nothing was checked.</summary>
    public HashCheck? Check { get; init; }
}

public enum HashCheckOutcome { Match, Mismatch, NotAHash, NothingGiven, NoPdfYet }

public sealed record HashCheck(HashCheckOutcome Outcome, string? Sha256, string? FileName);

public sealed class ReportVerification(LabDbContext db)
{
    public async Task<VerificationVm?> FindAsync(string? code, CancellationToken ct = default)
    {
        var normalized = VerificationCodes.Normalize(code);
        if (normalized is null) return null;
        // Codes are stored as issued; a code typed in lower case still finds its report.
        var exact = code!.Trim();
        var report = await db.Reports.AsNoTracking().Include(r => r.SupersededBy)
            .SingleOrDefaultAsync(r => r.VerificationCode == exact || r.VerificationCode == normalized, ct);
        if (report is null) return null;
        var request = await db.TestRequests.AsNoTracking()
            .Include(r => r.Samples).ThenInclude(s => s.Analyses)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == report.TestRequestId, ct);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == request.EnterpriseId).Select(e => e.Name).SingleAsync(ct);
        return new VerificationVm(report.VerificationCode, report.Number, enterprise,
            request.Samples.OrderBy(s => s.Id).Select(s => s.Name).ToList(), report.IssuedAt, report.Conclusion ?? ReportConclusion.Of(request),
            report.Status, report.SupersededBy?.Number, report.PdfSha256);
    }

    /// <summary>Compares an uploaded file, else a pasted SHA-256 (any case, spaces or colons between), with the stored hash.</summary>
    public static async Task<HashCheck> CheckAsync(VerificationVm report, IFormFile? file, string? pasted, CancellationToken ct = default)
    {
        string? hash;
        string? fileName = null;
        if (file is { Length: > 0 })
        {
            await using var stream = file.OpenReadStream();
            hash = await ReportFiles.Sha256Async(stream, ct);
            fileName = Path.GetFileName(file.FileName);
        }
        else if (!string.IsNullOrWhiteSpace(pasted))
        {
            var cleaned = new string(pasted.Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray()).ToLowerInvariant();
            if (cleaned.Length != 64 || !cleaned.All(char.IsAsciiHexDigit)) return new(HashCheckOutcome.NotAHash, null, null);
            hash = cleaned;
        }
        else return new(HashCheckOutcome.NothingGiven, null, null);

        if (report.PdfSha256 is null) return new(HashCheckOutcome.NoPdfYet, hash, fileName);
        var same = string.Equals(hash, report.PdfSha256, StringComparison.OrdinalIgnoreCase);
        return new(same ? HashCheckOutcome.Match : HashCheckOutcome.Mismatch, hash, fileName);
    }
}

/// <summary>The "Verify" section.</summary>
public sealed class VerifyOptions
{
    public const string Section = "Verify";
    /// <summary>Requests to /verify per client IP address per minute (a fixed window); 0 or less turns the limit off.</summary>
    public int PermitPerMinute { get; set; } = 30;
}

public static class VerifyRateLimit
{
    public const string Policy = "verify";

    /// <summary>
    /// /verify is public and answers whether a code exists, so each client address gets a budget per minute: enough
    /// for a person checking reports, far too little to try codes. Over it: 429 with Retry-After and the friendly
    /// status page. Behind a reverse proxy, configure forwarded headers so the address is the client's.
    /// </summary>
    public static IServiceCollection AddVerifyRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(VerifyOptions.Section).Get<VerifyOptions>() ?? new VerifyOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http =>
            {
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return options.PermitPerMinute <= 0
                    ? RateLimitPartition.GetNoLimiter(address)
                    : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
