using System.Diagnostics;
using Hangfire;
using Lab.Data;
using Lab.Data.Numbering;
using Microsoft.Extensions.Logging.Abstractions;
using Web.Infrastructure;
using Web.Reports;

namespace LabLims.Bench;

/// <summary>
/// The issue's words, "1,000 certificates generated and emailed to a local SMTP server", without the signatures: the
/// same prepared requests and app as <see cref="CertificatesEmailBenchmark"/>, but each report is issued by
/// <see cref="ReportIssuing.IssueAsync"/> (what approval does once the password is checked: report number, request
/// issued, certificate job enqueued into the app's job storage) from this process, while the app runs. The clock runs
/// from the first issue until the SMTP server holds a message with its PDF for every recipient.
/// </summary>
public static partial class CertificatesEmailBenchmark
{
    public static async Task<int> RunIssuedAsync(BenchOptions options)
    {
        var folder = AppProcess.NewDataFolder("certificates-issued");
        try
        {
            var (prepared, inbox, app) = await PrepareAsync(folder);
            await using var _inbox = inbox;
            await using var _app = app;
            var client = new BackgroundJobClient(JobsBenchmark.Storage(Path.Combine(folder, "jobs.db")));

            var warmUp = Enumerable.Range(0, WarmUp).ToList();
            await IssueAsync(folder, client, prepared.RequestNumbers, warmUp);
            if (!await WaitForAsync(inbox, warmUp, TimeSpan.FromMinutes(3)))
                throw new InvalidOperationException($"The {WarmUp} warm-up certificates did not all arrive:\n{Tail(app.Output)}");
            await Task.Delay(Settle);

            var measured = Enumerable.Range(WarmUp, Certificates).ToList();
            var cpuBefore = app.CpuTime;
            var started = Stopwatch.GetTimestamp();
            var issuing = IssueAsync(folder, client, prepared.RequestNumbers, measured);
            var arrived = await WaitForAsync(inbox, measured, GiveUpAfterNoProgress, issuing);
            var issueSeconds = await issuing;
            var first = FirstArrivals(inbox.Messages);
            var lastArrival = measured.Where(first.ContainsKey).Select(i => first[i]).DefaultIfEmpty(started).Max();
            var cpu = app.CpuTime - cpuBefore;
            await Task.Delay(Settle);

            var messages = inbox.Messages;
            var byRecipient = messages.SelectMany(m => m.To.Select(to => (Index: CertificatesEmailData.IndexOf(to), Message: m)))
                .Where(x => x.Index >= WarmUp).GroupBy(x => x.Index).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToList());
            var missing = measured.Count(i => !byRecipient.ContainsKey(i));
            var duplicated = byRecipient.Count(g => g.Value.Count > 1);
            var stored = await StoredAsync(folder, prepared.RequestNumbers);
            var wrongPdf = measured.Count(i => byRecipient.TryGetValue(i, out var got) &&
                got.Any(m => m.Pdfs.Count != 1 || !stored.TryGetValue(i, out var s) || s.Sha256 != m.Pdfs[0].Sha256));
            var total = Seconds(lastArrival - started);

            new Table($"certificates-issued: {Certificates:N0} issued reports' certificates generated and emailed to a local SMTP server")
                .Row($"total: first issue → {Certificates:N0}th message in the inbox",
                    arrived ? $"{Table.N(total)} s" : $"not finished: {first.Keys.Count(i => i >= WarmUp)} messages",
                    $"≤ {GoalSeconds} s: {Table.Met(arrived && total <= GoalSeconds)}")
                .Row("throughput", $"{Table.N(Certificates / total, "0.0")} certificates/s")
                .Row("the 1,000 issues (ReportIssuing.IssueAsync in the bench process, one after another)", $"{Table.N(issueSeconds)} s")
                .Row("app CPU time per certificate (PDF, email)", $"{Latencies.Ms(cpu.TotalMilliseconds / Certificates)} ms")
                .Row("recipients with no message", $"{missing}", Table.Met(missing == 0))
                .Row("recipients with more than one message", $"{duplicated}", Table.Met(duplicated == 0))
                .Row("messages whose attachment is not the report's stored PDF (SHA-256)", $"{wrongPdf}", Table.Met(wrongPdf == 0))
                .Print($"{Certificates:N0} requests after {WarmUp} warm-up ones; the app: Release, its default job workers and poll interval.");
            return missing == 0 && duplicated == 0 && wrongPdf == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AppProcess.DeleteDataFolder(folder, options.Keep);
        }
    }

    private static async Task<double> IssueAsync(string folder, IBackgroundJobClient client, IReadOnlyList<string> numbers, List<int> indexes)
    {
        var started = Stopwatch.GetTimestamp();
        var options = Microsoft.Extensions.Options.Options.Create(new LabOptions());
        foreach (var i in indexes)
        {
            await using var db = new LabDbContext(LookupData.Options(folder));
            var issuing = new ReportIssuing(db, new NumberAllocator(db, TimeProvider.System, Lang.LabTimeZone), null!, client,
                TimeProvider.System, options, NullLogger<ReportIssuing>.Instance);
            await issuing.IssueAsync(numbers[i], "signatory@lablims.test");
        }
        return Seconds(Stopwatch.GetTimestamp() - started);
    }
}
