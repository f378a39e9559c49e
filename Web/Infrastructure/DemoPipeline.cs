using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Web.Booking;
using Web.Instruments;
using Web.Reports;
using Web.Samples;

namespace Web.Infrastructure;

/// <summary>
/// Demo data that went through the real pipeline, not stored results: a request of the first demo enterprise is
/// booked, received by scan, run on simulated instruments (the run job itself, with its raw data and curve),
/// verified by the demo reviewer, approved with the demo signatory's password, and its certificate rendered and
/// emailed by the certificate job. Runs once per database (when no report exists yet).
/// </summary>
public static class DemoPipeline
{
    public const string SampleName = "直杆自动晴雨伞 Straight auto-open umbrella";

    public static async Task RunAsync(IServiceProvider services, ILogger logger)
    {
        using (var probe = services.CreateScope())
        {
            var db = probe.ServiceProvider.GetRequiredService<LabDbContext>();
            if (await db.Reports.AnyAsync() || await db.Samples.AnyAsync(s => s.Name == SampleName)) return;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        string number;
        List<int> runIds = [];
        using (var scope = services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<LabDbContext>();
            var booking = sp.GetRequiredService<BookingService>();
            var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.CreditCode == Lab.Domain.Enterprises.CreditCode.Parse(DemoData.MinghuiCode));
            var request = await booking.SaveDraftAsync(null, new BookingInput
            {
                Samples = [new SampleInput
                {
                    Name = SampleName, Model = "MH-ZG27", Brand = "明辉", Batch = "2026-11-A", Quantity = 3,
                    Description = "27 寸 8 骨直杆伞 / 27-inch 8-rib straight umbrella",
                    Methods = ["UMB-FRAME", "UMB-WIND", "UMB-RAIN"],
                }],
                ReportLanguage = ReportLanguage.Bilingual,
            }, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
            await booking.SubmitAsync(request, enterprise);
            number = request.Number!;

            var scans = sp.GetRequiredService<ScanService>();
            var found = await scans.FindAsync(request.Samples[0].Barcode);
            await scans.ReceiveAsync(found, "reception@lablims.test", "demo", 3, SampleCondition.Intact, null, null);

            var runs = sp.GetRequiredService<RunService>();
            var today = Lang.Today(sp.GetRequiredService<TimeProvider>());
            var instruments = await db.Instruments.AsNoTracking()
                .Where(i => i.Status == InstrumentStatus.InService && i.CalibrationDue >= today).ToListAsync();
            var analyses = await db.Analyses.AsNoTracking().Include(a => a.Method)
                .Where(a => a.SampleId == request.Samples[0].Id).ToListAsync();
            foreach (var analysis in analyses.Where(a => a.Limit.Kind != LimitKind.PassFail && a.Limit.Kind != LimitKind.Grade))
            {
                var instrument = instruments.First(i => i.Type == analysis.Method!.InstrumentType);
                // The technician reads the room's thermo-hygrometer at the station (printed on the report).
                runIds.Add((await runs.StartAsync(analysis.Id, instrument.Code, "technician@lablims.test", temperature: 21.3, humidity: 62)).Id);
            }
        }
        // The run job, as Hangfire runs it (its queued copy finds the run finished and does nothing).
        foreach (var runId in runIds)
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RunJobs>().PerformAsync(runId, null);
        }
        using (var scope = services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<LabDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var request = await sp.GetRequiredService<ReportIssuing>().FindAsync(number) ?? throw new InvalidOperationException(number);
            foreach (var analysis in request.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.Pending).ToList())
            {
                // The visual rain check: the technician records the finding.
                request.StartAnalysis(analysis, now);
                request.RecordFinding(analysis, meetsRequirement: true, "technician@lablims.test", now);
            }
            foreach (var analysis in request.CurrentAnalyses.Where(a => a.Status == AnalysisStatus.ToBeVerified).ToList())
                request.VerifyAnalysis(analysis, "reviewer@lablims.test", now);
            await db.SaveChangesAsync();

            var signatory = await sp.GetRequiredService<UserManager<LabUser>>().FindByEmailAsync("signatory@lablims.test")
                ?? throw new InvalidOperationException("The demo signatory is missing.");
            var report = await sp.GetRequiredService<ReportIssuing>().ApproveAsync(number, signatory, DemoData.Password);
            // The certificate job, as Hangfire runs it (its queued copy finds the PDF and the emails in place).
            await sp.GetRequiredService<CertificateJobs>().GenerateAsync(report.Id, null);
            logger.LogInformation("Demo report {Report} of {Request} issued through the pipeline in {Ms} ms", report.Number, number,
                started.ElapsedMilliseconds);
        }
    }
}
