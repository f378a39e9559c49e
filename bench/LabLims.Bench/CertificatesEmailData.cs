using System.Diagnostics;
using System.Security.Cryptography;
using Lab.Data;
using Lab.Data.Numbering;
using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Instruments;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;
using Web.Instruments;

namespace LabLims.Bench;

/// <summary>
/// Requests waiting for the signatory, made in the app's own database (after the app created it with its migrations,
/// reference data and demo users) with the domain's verbs, as the lab would bring them there: booked for the first demo
/// enterprise and numbered by <see cref="NumberAllocator"/>, received, run on the lab's instruments by the simulated
/// drivers (raw data kept in files/raw/ under its SHA-256, the result computed from it by <see cref="ResultEngine"/>, as
/// the run job does), the visual checks recorded by hand, and every result verified by the reviewer. A mix of methods
/// with curves (UMB-FRAME force–displacement, UMB-WIND wind ramp, UMB-UPF transmittance spectra) and without (UMB-OC
/// cycle log, UMB-RAIN visual finding); 1 or 2 samples each; one report recipient each (<see cref="Recipient"/>).
/// </summary>
public static class CertificatesEmailData
{
    public const string Domain = "bench-certs.test";

    public static string Recipient(int index) => $"quality-{index:0000}@{Domain}";

    /// <summary>The recipient's index, or -1 for an address that is not one of <see cref="Recipient"/>.</summary>
    public static int IndexOf(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || !address.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) || !address.StartsWith("quality-", StringComparison.Ordinal))
            return -1;
        return int.TryParse(address.AsSpan("quality-".Length, at - "quality-".Length), out var i) ? i : -1;
    }

    private static readonly string[][] MethodMixes =
    [
        ["UMB-FRAME", "UMB-WIND", "UMB-OC"], // two curves
        ["UMB-UPF", "UMB-RAIN"],             // spectra (several series), one visual finding
        ["UMB-OC", "UMB-RAIN"],              // no curve
        ["UMB-FRAME", "UMB-RAIN"],           // one curve
    ];

    public sealed record Prepared(IReadOnlyList<string> RequestNumbers, int Samples, int Analyses, int Runs, int RunsWithCurve);

    /// <summary>Makes <paramref name="count"/> requests ready for approval; request i has recipient <see cref="Recipient"/>(i).</summary>
    public static async Task<Prepared> CreateAsync(string folder, int count)
    {
        var clock = TimeProvider.System;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Lang.Today(clock);
        var watch = Stopwatch.StartNew();
        var files = Path.Combine(folder, "files");

        await using var db = new LabDbContext(LookupData.Options(folder));
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == CreditCode.Parse(DemoData.MinghuiCode));
        var codes = MethodMixes.SelectMany(m => m).Distinct().ToList();
        var methods = await db.TestMethods.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code);
        var instruments = (await db.Instruments.AsNoTracking().ToListAsync())
            .Where(i => i.Status == InstrumentStatus.InService && i.CalibrationDue >= today)
            .GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Code, StringComparer.Ordinal).First());
        var drivers = Enum.GetValues<InstrumentType>().ToDictionary(t => t, t => new SimulatedInstrumentDriver(t, clock));

        var numbers = new NumberAllocator(db, clock, Lang.LabTimeZone);
        var requestNumbers = await numbers.NextAsync(NumberKind.Request, count);
        var samplesOf = Enumerable.Range(0, count).Select(r => (r / MethodMixes.Length) % 2 == 0 ? 1 : 2).ToList();
        var barcodes = (await numbers.NextAsync(NumberKind.Sample, samplesOf.Sum())).ToList();
        var nextBarcode = 0;
        int samples = 0, analyses = 0, runs = 0, curves = 0;

        const int batch = 100;
        for (var start = 0; start < count; start += batch)
        {
            db.ChangeTracker.Clear();
            var trackedMethods = methods.Values.ToList();
            db.TestMethods.AttachRange(trackedMethods); // the analyses refer to them; they are not new
            var requests = new List<TestRequest>();
            // Booked and submitted (saved first: runs refer to their analyses' ids).
            for (var r = start; r < Math.Min(count, start + batch); r++)
            {
                var booked = now.AddHours(-6).AddSeconds(r);
                var request = new TestRequest(enterprise.Id, "client@minghui-umbrella.test", booked);
                request.SetTerms(DecisionRule.SimpleAcceptance, Urgency.Normal, ReportLanguage.Bilingual, SampleDisposal.Dispose, false, null,
                    [Recipient(r)]);
                var mix = MethodMixes[r % MethodMixes.Length];
                for (var s = 0; s < samplesOf[r]; s++)
                {
                    var sample = request.AddSample($"直杆晴雨伞 27 寸 #{s + 1}", $"MH-L27-{r % 50:00}", "明辉", $"B{r:00000}", mix.Length, null);
                    foreach (var code in mix) request.AddAnalysis(sample, trackedMethods.Single(m => m.Code == code));
                }
                var quote = Quote.For(request, today, WorkingDayCalendar.WeekdaysOnly, PricingTerms.Default);
                request.Submit(requestNumbers[r], barcodes.GetRange(nextBarcode, samplesOf[r]), quote.TotalCny, quote.DueDate, booked);
                nextBarcode += samplesOf[r];
                db.TestRequests.Add(request);
                requests.Add(request);
            }
            await db.SaveChangesAsync();

            // Received, tested, verified.
            var runsOfBatch = new List<Run>();
            foreach (var request in requests)
            {
                var at = now.AddHours(-5);
                foreach (var sample in request.Samples)
                {
                    request.ReceiveSample(sample, "reception@lablims.test", at, sample.Quantity, SampleCondition.Intact, null);
                    samples++;
                }
                at = now.AddHours(-4);
                foreach (var sample in request.Samples)
                {
                    foreach (var analysis in sample.Analyses.ToList())
                    {
                        analyses++;
                        var method = analysis.Method!;
                        if (ResultEngine.Calculates(method.Code))
                        {
                            var instrument = instruments[method.InstrumentType];
                            var run = new Run(analysis.Id, instrument, method, sample.Barcode!, RunSource.Driver, "technician@lablims.test", at, today);
                            request.StartAnalysis(analysis, at);
                            run.BeginAttempt(at);
                            var capture = await drivers[instrument.Type].CaptureAsync(new DriverRequest(instrument.Code, method.Code, sample.Barcode!,
                                analysis.Limit, analysis.Unit, analysis.Id, null, instrument.SerialNumber), CancellationToken.None);
                            var sha = Convert.ToHexStringLower(SHA256.HashData(capture.Content));
                            var relative = Path.Combine("raw", $"{at:yyyy}", $"{sha}{capture.FileExtension}");
                            var full = Path.Combine(files, relative);
                            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                            if (!File.Exists(full)) await File.WriteAllBytesAsync(full, capture.Content);
                            run.StoreRawData(relative, sha, capture.Format, capture.Content.LongLength, null);
                            var result = ResultEngine.Compute(method.Code, capture);
                            if (analysis.Limit.Kind == LimitKind.PassFail)
                                request.RecordFinding(analysis, result.MeetsRequirement ?? throw new InvalidOperationException($"{method.Code} gave no finding."),
                                    run.StartedBy, at);
                            else
                                request.RecordResult(analysis, result.Value, run.StartedBy, at);
                            run.Complete(analysis.ResultValue ?? result.Value, analysis.Unit, analysis.Verdict!.Value, at);
                            runsOfBatch.Add(run);
                            runs++;
                            if (RunCurves.From(capture) is not null) curves++;
                        }
                        else
                        {
                            // The visual rain check: the technician records the finding.
                            request.StartAnalysis(analysis, at);
                            request.RecordFinding(analysis, meetsRequirement: true, "technician@lablims.test", at);
                        }
                    }
                }
                foreach (var analysis in request.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.ToBeVerified).ToList())
                    request.VerifyAnalysis(analysis, "reviewer@lablims.test", now.AddHours(-3));
                if (!request.IsReadyForApproval)
                    throw new InvalidOperationException($"Request {request.Number} is {request.Status}, not ready for approval.");
            }
            db.Runs.AddRange(runsOfBatch);
            await db.SaveChangesAsync();
            Console.Write($"\r{Math.Min(count, start + batch):N0} of {count:N0} requests ready for approval ({watch.Elapsed.TotalSeconds:0} s)");
        }
        Console.WriteLine();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        return new Prepared(requestNumbers, samples, analyses, runs, curves);
    }
}
