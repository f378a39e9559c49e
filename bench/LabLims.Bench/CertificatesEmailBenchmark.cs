using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Lab.Data;
using Lab.Data.Outbox;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Web.Reports;

namespace LabLims.Bench;

/// <summary>
/// The issue's certificate measure: 1,000 certificates generated and emailed to a local SMTP server. The app runs as in
/// production (Release, its own process, SQLite database and Hangfire SQLite job storage, its configured workers), with
/// Smtp:Host pointing at an SMTP server in this process. The requests are made ready for approval before the clock
/// starts (<see cref="CertificatesEmailData"/>); then the signatory approves them through the approval form (POST
/// /approval/{number}/approve with the password: the electronic signature, the report issued, the certificate job
/// enqueued), and the clock runs until the SMTP server holds a message with its PDF for every recipient.
/// </summary>
public static partial class CertificatesEmailBenchmark
{
    private const int Certificates = 1_000;
    // A lab's app has been running for hours: its code is compiled to the last tier. After 20 certificates the tiered
    // compilation thread still used a fifth of the app's CPU (perf), so 100 go through before the clock starts.
    private const int WarmUp = 100;
    private const int Approvers = 2; // signatory sessions posting approvals at once (the signatory's form, one after another in each)
    private const double GoalSeconds = 60;
    private static readonly TimeSpan GiveUpAfterNoProgress = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5); // after the last message: time for a duplicate to show

    /// <summary>
    /// The app makes its database (migrations, reference data, demo users and the demo pipeline) and stops; the
    /// requests are made ready for approval; then the app starts again with an SMTP server of this process.
    /// </summary>
    private static async Task<(CertificatesEmailData.Prepared Prepared, SmtpInbox Inbox, AppProcess App)> PrepareAsync(string folder)
    {
        await using (var creating = await AppProcess.StartAsync(folder, demoData: true))
            Console.WriteLine($"App {AppProcess.WebDll} ({AppProcess.Configuration}) created {folder}");
        var prepared = await CertificatesEmailData.CreateAsync(folder, WarmUp + Certificates);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Console.WriteLine($"{prepared.RequestNumbers.Count:N0} requests ready: {prepared.Samples:N0} samples, {prepared.Analyses:N0} " +
            $"analyses, {prepared.Runs:N0} instrument runs ({prepared.RunsWithCurve:N0} with a curve)");
        var inbox = await SmtpInbox.StartAsync();
        var app = await AppProcess.StartAsync(folder, demoData: true,
            ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", inbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Smtp:Security", "None"));
        return (prepared, inbox, app);
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var folder = AppProcess.NewDataFolder("certificates-email");
        try
        {
            var (prepared, inbox, app) = await PrepareAsync(folder);
            await using var _inbox = inbox;
            await using var _app = app;
            Console.WriteLine($"App process {app.ProcessId} at {app.BaseAddress}, SMTP server at 127.0.0.1:{inbox.Port}");

            var sessions = new List<Signatory>();
            for (var i = 0; i < Approvers; i++) sessions.Add(await Signatory.SignInAsync(app.BaseAddress, prepared.RequestNumbers[0]));

            var warmUp = Enumerable.Range(0, WarmUp).ToList();
            await ApproveAsync(sessions, prepared.RequestNumbers, warmUp, new long[WarmUp + Certificates]);
            if (!await WaitForAsync(inbox, warmUp, TimeSpan.FromMinutes(3)))
                throw new InvalidOperationException($"The {WarmUp} warm-up certificates did not all arrive:\n{Tail(app.Output)}");
            await Task.Delay(Settle);

            var passwordCheckMs = PasswordCheckCpuMs();

            // ---- timed: from the first approval until every recipient has its certificate ----
            var measured = Enumerable.Range(WarmUp, Certificates).ToList();
            var approvedAt = new long[WarmUp + Certificates];
            var cpuBefore = app.CpuTime;
            var startedUtc = DateTime.UtcNow;
            var started = Stopwatch.GetTimestamp();
            var approving = ApproveAsync(sessions, prepared.RequestNumbers, measured, approvedAt);
            var arrived = await WaitForAsync(inbox, measured, GiveUpAfterNoProgress, approving);
            await approving;
            var approvalsDone = approvedAt.Skip(WarmUp).Max();
            var messages = inbox.Messages;
            var first = FirstArrivals(messages);
            var lastArrival = measured.Where(first.ContainsKey).Select(i => first[i]).DefaultIfEmpty(started).Max();
            var cpu = app.CpuTime - cpuBefore;
            await Task.Delay(Settle);

            // ---- what arrived ----
            messages = inbox.Messages;
            var byRecipient = messages.SelectMany(m => m.To.Select(to => (Index: CertificatesEmailData.IndexOf(to), Message: m)))
                .Where(x => x.Index >= WarmUp).GroupBy(x => x.Index).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToList());
            var missing = measured.Count(i => !byRecipient.ContainsKey(i));
            var duplicated = byRecipient.Count(g => g.Value.Count > 1);
            var stored = await StoredAsync(folder, prepared.RequestNumbers);
            var wrongPdf = measured.Count(i => byRecipient.TryGetValue(i, out var got) &&
                got.Any(m => m.Pdfs.Count != 1 || !stored.TryGetValue(i, out var s) || s.Sha256 != m.Pdfs[0].Sha256));
            var others = messages.Count(m => m.To.All(to => CertificatesEmailData.IndexOf(to) < 0));

            var total = Seconds(lastArrival - started);
            var latencies = new Latencies();
            latencies.AddRange(measured.Where(first.ContainsKey).Select(i => (first[i] - approvedAt[i]) * 1000.0 / Stopwatch.Frequency));
            var rendered = new Latencies();
            rendered.AddRange(measured.Where(stored.ContainsKey).Where(i => stored[i].Staged is not null)
                .Select(i => (stored[i].Staged!.Value - stored[i].IssuedAt).TotalMilliseconds));
            var sent = new Latencies();
            sent.AddRange(measured.Where(stored.ContainsKey).Where(i => stored[i].Sent is not null)
                .Select(i => (stored[i].Sent!.Value - stored[i].Staged!.Value).TotalMilliseconds));
            var approvalSeconds = Seconds(approvalsDone - started);
            var (generate, send) = JobDurations(folder, startedUtc);

            new Table($"certificates-email: {Certificates:N0} certificates approved, rendered and emailed to a local SMTP server")
                .Row($"total: first approval → {Certificates:N0}th message in the inbox",
                    arrived ? $"{Table.N(total)} s" : $"not finished: {first.Keys.Count(i => i >= WarmUp)} messages after {Table.N(Seconds(Stopwatch.GetTimestamp() - started))} s",
                    $"≤ {GoalSeconds} s: {Table.Met(arrived && total <= GoalSeconds)}")
                .Row("throughput", $"{Table.N(Certificates / total, "0.0")} certificates/s")
                .Row($"approvals ({Approvers} signatory sessions, form POST with password)",
                    $"{Table.N(approvalSeconds)} s ({Table.N(Certificates / approvalSeconds, "0.0")} approvals/s)")
                .Row("after the last approval until the last message", $"{Table.N(Seconds(lastArrival - approvalsDone))} s")
                .Row("approval → inbox latency p50 / p95 / max",
                    $"{Table.N(latencies.Percentile(50) / 1000)} / {Table.N(latencies.Percentile(95) / 1000)} / {Table.N(latencies.Max / 1000)} s")
                .Row("in the app: issued → PDF stored and email staged (certificate job, with its queue wait) p50 / p95",
                    $"{Table.N(rendered.Percentile(50) / 1000)} / {Table.N(rendered.Percentile(95) / 1000)} s")
                .Row("in the app: email staged → sent (email job, with its queue wait) p50 / p95",
                    $"{Table.N(sent.Percentile(50) / 1000)} / {Table.N(sent.Percentile(95) / 1000)} s")
                .Row("certificate job (Hangfire's PerformanceDuration: read, render, store, stage) p50 / p95; queue wait p50",
                    $"{Latencies.Ms(generate.Duration.Percentile(50))} / {Latencies.Ms(generate.Duration.Percentile(95))} ms; " +
                    $"{Table.N(generate.Wait.Percentile(50) / 1000)} s")
                .Row("email job (read, attach, SMTP) p50 / p95; queue wait p50",
                    $"{Latencies.Ms(send.Duration.Percentile(50))} / {Latencies.Ms(send.Duration.Percentile(95))} ms; " +
                    $"{Table.N(send.Wait.Percentile(50) / 1000)} s")
                .Row("app CPU time per certificate (approval, PDF, email)", $"{Latencies.Ms(cpu.TotalMilliseconds / Certificates)} ms")
                .Row("of which the signature's password check (Identity's PasswordHasher, PBKDF2, timed in this process)",
                    $"{Latencies.Ms(passwordCheckMs)} ms ({Table.N(100 * passwordCheckMs / (cpu.TotalMilliseconds / Certificates), "0")} %)")
                .Row($"app CPU time for the {Certificates:N0}: the least wall time on {Environment.ProcessorCount} cores",
                    $"{Table.N(cpu.TotalSeconds)} s: ≥ {Table.N(cpu.TotalSeconds / Environment.ProcessorCount)} s")
                .Row("recipients with no message", $"{missing}", Table.Met(missing == 0))
                .Row("recipients with more than one message", $"{duplicated}", Table.Met(duplicated == 0))
                .Row("messages whose attachment is not the report's stored PDF (SHA-256)", $"{wrongPdf}", Table.Met(wrongPdf == 0))
                .Print(
                    $"{Certificates:N0} requests (after {WarmUp} warm-up ones), {prepared.Samples:N0} samples and {prepared.Analyses:N0} analyses in all, " +
                    $"{prepared.RunsWithCurve:N0} of {prepared.Runs:N0} instrument runs with a curve; one recipient each; bilingual reports. " +
                    $"The app: Release, Production, Lab:JobWorkers default ({new Web.Infrastructure.LabOptions().JobWorkers}), Lab:JobPollInterval default (1 s).",
                    others > 0 ? $"{others} other messages (the demo data's) arrived too and are not counted." : "");
            return missing == 0 && duplicated == 0 && wrongPdf == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AppProcess.DeleteDataFolder(folder, options.Keep);
        }
    }

    /// <summary>
    /// CPU milliseconds of one password check as approval makes it (ASP.NET Core Identity's PasswordHasher with its
    /// defaults: PBKDF2, HMAC-SHA512, 100,000 iterations), measured in this process on one thread.
    /// </summary>
    private static double PasswordCheckCpuMs()
    {
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<object>();
        var user = new object();
        var hash = hasher.HashPassword(user, DemoData.Password);
        const int checks = 20;
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < checks; i++)
            if (hasher.VerifyHashedPassword(user, hash, DemoData.Password) == Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed)
                throw new InvalidOperationException("The password check failed.");
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / checks;
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;

    /// <summary>Each session approves the next request in turn until none is left; records when each approval was answered.</summary>
    private static async Task ApproveAsync(List<Signatory> sessions, IReadOnlyList<string> numbers, List<int> indexes, long[] approvedAt)
    {
        var next = -1;
        await Task.WhenAll(sessions.Select(session => Task.Run(async () =>
        {
            int k;
            while ((k = Interlocked.Increment(ref next)) < indexes.Count)
            {
                var i = indexes[k];
                await session.ApproveAsync(numbers[i]);
                approvedAt[i] = Stopwatch.GetTimestamp();
            }
        })));
    }

    /// <summary>Waits until every recipient of <paramref name="indexes"/> has a message; false if nothing new came for <paramref name="noProgress"/>.</summary>
    private static async Task<bool> WaitForAsync(SmtpInbox inbox, List<int> indexes, TimeSpan noProgress, Task? approving = null)
    {
        var wanted = indexes.ToHashSet();
        var lastCount = -1;
        var lastProgress = Stopwatch.GetTimestamp();
        var approved = approving is null;
        while (true)
        {
            if (approving is { IsFaulted: true }) await approving;
            if (!approved && approving!.IsCompleted)
            {
                approved = true; // the jobs may only now get the cores: the wait for progress starts here
                lastProgress = Stopwatch.GetTimestamp();
            }
            var messages = inbox.Messages;
            var have = messages.SelectMany(m => m.To).Select(CertificatesEmailData.IndexOf).Where(wanted.Contains).Distinct().Count();
            if (have == wanted.Count) return true;
            if (messages.Count != lastCount)
            {
                lastCount = messages.Count;
                lastProgress = Stopwatch.GetTimestamp();
                Console.Write($"\r{have:N0} of {wanted.Count:N0} certificates in the inbox");
            }
            else if (approved && Stopwatch.GetElapsedTime(lastProgress) > noProgress)
            {
                Console.WriteLine($"\nNo new message for {noProgress.TotalSeconds:0} s: giving up with {have:N0} of {wanted.Count:N0}.");
                return false;
            }
            await Task.Delay(50);
        }
    }

    private static Dictionary<int, long> FirstArrivals(IReadOnlyList<InboxMessage> messages)
    {
        var first = new Dictionary<int, long>();
        foreach (var m in messages)
        foreach (var i in m.To.Select(CertificatesEmailData.IndexOf).Where(i => i >= 0))
            if (!first.TryGetValue(i, out var t) || m.ArrivedAt < t) first[i] = m.ArrivedAt;
        return first;
    }

    private sealed record JobTimes(Latencies Duration, Latencies Wait);

    /// <summary>
    /// How long the certificate and email jobs created since <paramref name="sinceUtc"/> ran, and waited in the queue, as
    /// Hangfire recorded it in each job's Succeeded state (jobs.db: PerformanceDuration and Latency, in milliseconds).
    /// </summary>
    private static (JobTimes Generate, JobTimes Send) JobDurations(string folder, DateTime sinceUtc)
    {
        JobTimes generate = new(new(), new()), send = new(new(), new());
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "jobs.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT j.InvocationData, s.Data FROM State s JOIN Job j ON j.Id = s.JobId WHERE s.Name = 'Succeeded' AND j.CreatedAt >= $since";
        command.Parameters.AddWithValue("$since", sinceUtc.Ticks);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var invocation = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
            using var data = System.Text.Json.JsonDocument.Parse(reader.GetString(1));
            var method = invocation.RootElement.TryGetProperty("Method", out var m) ? m.GetString() : null;
            var type = invocation.RootElement.TryGetProperty("Type", out var t) ? t.GetString() ?? "" : "";
            var times = (type, method) switch
            {
                _ when type.StartsWith("Web.Reports.CertificateJobs", StringComparison.Ordinal) && method == "GenerateAsync" => generate,
                _ when type.StartsWith("Web.Email.EmailJobs", StringComparison.Ordinal) && method == "SendAsync" => send,
                _ => null,
            };
            if (times is null) continue;
            times.Duration.Add(double.Parse(data.RootElement.GetProperty("PerformanceDuration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            times.Wait.Add(double.Parse(data.RootElement.GetProperty("Latency").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
        return (generate, send);
    }

    private sealed record StoredReport(string Sha256, DateTime IssuedAt, DateTime? Staged, DateTime? Sent);

    /// <summary>Each request's report as the app stored it: the PDF's SHA-256, when it was issued, when its email was staged and sent.</summary>
    private static async Task<Dictionary<int, StoredReport>> StoredAsync(string folder, IReadOnlyList<string> numbers)
    {
        await using var db = new LabDbContext(LookupData.Options(folder));
        var reports = await (from rep in db.Reports.AsNoTracking()
                             join req in db.TestRequests on rep.TestRequestId equals req.Id
                             select new { Request = req.Number, rep.Number, rep.PdfSha256, rep.IssuedAt }).ToListAsync();
        var emails = (await db.OutgoingEmails.AsNoTracking().Where(e => e.Purpose == ReportEmails.Purpose)
                .Select(e => new { e.Reference, e.CreatedAt, e.SentAt, e.Status }).ToListAsync())
            .GroupBy(e => e.Reference!).ToDictionary(g => g.Key, g => g.First());
        var index = numbers.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
        var stored = new Dictionary<int, StoredReport>();
        foreach (var r in reports.Where(r => r.Request is not null && index.ContainsKey(r.Request) && r.PdfSha256 is not null))
        {
            emails.TryGetValue(r.Number, out var email);
            stored[index[r.Request!]] = new StoredReport(r.PdfSha256!, r.IssuedAt, email?.CreatedAt,
                email?.Status == EmailStatus.Sent ? email.SentAt : null);
        }
        return stored;
    }

    /// <summary>The signatory signed in through the login form, posting approvals with the approval form's antiforgery token.</summary>
    private sealed class Signatory(HttpClient client, string token)
    {
        private const string Email = "signatory@lablims.test";

        public static async Task<Signatory> SignInAsync(string baseAddress, string someRequest)
        {
            var cookies = new CookieContainer();
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = 1 })
            {
                BaseAddress = new Uri(baseAddress),
                DefaultRequestHeaders = { { "Accept-Language", "en" } },
            };
            var login = await client.GetStringAsync("/Account/Login");
            using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
                   {
                       ["Email"] = Email, ["Password"] = DemoData.Password, ["__RequestVerificationToken"] = Token(login),
                   }))
            using (var response = await client.PostAsync("/Account/Login", form))
            {
                if (response.StatusCode != HttpStatusCode.Redirect)
                    throw new InvalidOperationException($"Signing in as {Email} answered {(int)response.StatusCode}.");
            }
            var page = await client.GetStringAsync($"/approval/{someRequest}");
            return new Signatory(client, Token(page));
        }

        /// <summary>POST /approval/{number}/approve as the form does; the app answers 302 back to the request once the report is issued.</summary>
        public async Task ApproveAsync(string number)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["confirm"] = "true", ["password"] = DemoData.Password, ["__RequestVerificationToken"] = token,
            });
            using var response = await client.PostAsync($"/approval/{number}/approve", form);
            // A refused approval redirects too (to the home page, with the reason in TempData): only back to the request is success.
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.EndsWith($"/approval/{number}", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"Approving {number} answered {response.Headers.Location} {Api.Describe(response, await response.Content.ReadAsStringAsync())}");
        }

        private static string Token(string html) =>
            TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException("The page has no __RequestVerificationToken field.");
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
