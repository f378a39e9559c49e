using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Lab.Data;
using Lab.Data.Numbering;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;
using Web.Infrastructure;
using Web.Reports;

namespace Tests.Web;

/// <summary>An issued report as the tests see it: its request, numbers, code and the PDF's bytes and hash.</summary>
internal sealed record IssuedReport(string RequestNumber, string Number, string Code, string[] SampleNames, byte[]? Pdf, string? Sha256);

/// <summary>
/// What the report tests share. The approval workflow and the certificate renderer are built elsewhere, so a report
/// is made the way they will make it: a request booked through the app's booking service, received, its results
/// recorded and verified by the domain's verbs, then a <see cref="Report"/> row with a verification code from
/// <see cref="VerificationCodes.New"/> and a small PDF written to files/reports/{number}.pdf and attached with its SHA-256.
/// </summary>
internal static class ReportTestData
{
    /// <summary>The measured result on every test request: it must never appear on the public page.</summary>
    public const double FrameLoad = 4321.6;

    public static async Task<IssuedReport> IssueAsync(AppFixture fixture, string creditCode, bool withPdf = true, bool frameFails = false)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var code = CreditCode.Parse(creditCode);
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.CreditCode == code);
        var tag = Guid.NewGuid().ToString("N")[..6];
        string[] names = [$"报告测试长柄伞 {tag}", $"报告测试折叠伞 {tag}"];
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples =
            [
                new SampleInput { Name = names[0], Model = "RPT-L", Quantity = 1, Methods = ["UMB-FRAME"] },
                new SampleInput { Name = names[1], Model = "RPT-F", Quantity = 1, Methods = ["UMB-RAIN"] },
            ],
        }, enterprise, "client@test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);

        var now = DateTime.UtcNow;
        foreach (var sample in request.Samples) request.ReceiveSample(sample, "reception@lablims.test", now, 1, SampleCondition.Intact, null);
        var frame = request.Samples[0].Analyses.Single();
        request.StartAnalysis(frame, now);
        request.RecordResult(frame, frameFails ? 150 : FrameLoad, "technician@lablims.test", now);
        request.RecordFinding(request.Samples[1].Analyses.Single(), meetsRequirement: true, "technician@lablims.test", now);
        foreach (var analysis in request.CurrentAnalyses.ToList()) request.VerifyAnalysis(analysis, "reviewer@lablims.test", now);
        request.MarkIssued(now, DateOnly.FromDateTime(now).AddDays(90));
        await db.SaveChangesAsync();

        return await AddReportAsync(fixture, request.Id, request.Number!, names, withPdf);
    }

    /// <summary>Another report of the same request (an amendment), not yet linked to anything.</summary>
    public static async Task<IssuedReport> AddReportAsync(AppFixture fixture, string requestNumber, bool withPdf = true)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var request = await db.TestRequests.Include(r => r.Samples).SingleAsync(r => r.Number == requestNumber);
        return await AddReportAsync(fixture, request.Id, requestNumber, request.Samples.OrderBy(s => s.Id).Select(s => s.Name).ToArray(), withPdf);
    }

    private static async Task<IssuedReport> AddReportAsync(AppFixture fixture, int requestId, string requestNumber, string[] names, bool withPdf)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<NumberAllocator>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        var now = DateTime.UtcNow;
        var number = await numbers.NextAsync(NumberKind.Report);
        var report = new Report(number, requestId, ReportLanguage.Zh, VerificationCodes.New(), "technician@lablims.test",
            "reviewer@lablims.test", now, "signatory@lablims.test", now);
        byte[]? pdf = null;
        string? sha = null;
        if (withPdf)
        {
            pdf = MinimalPdf($"Test report {number} ({requestNumber})");
            sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
            var relative = $"reports/{number}.pdf";
            var file = Path.Combine(paths.Files, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, pdf);
            report.AttachPdf(sha, relative);
        }
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return new IssuedReport(requestNumber, number, report.VerificationCode, names, pdf, sha);
    }

    /// <summary>Attaches the PDF the certificate job would have written (for a report made without one).</summary>
    public static async Task<IssuedReport> AttachPdfAsync(AppFixture fixture, IssuedReport issued)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var paths = scope.ServiceProvider.GetRequiredService<DataPaths>();
        var report = await db.Reports.SingleAsync(r => r.Number == issued.Number);
        var pdf = MinimalPdf($"Test report {issued.Number} ({issued.RequestNumber})");
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var relative = $"reports/{issued.Number}.pdf";
        Directory.CreateDirectory(Path.Combine(paths.Files, "reports"));
        await File.WriteAllBytesAsync(Path.Combine(paths.Files, relative), pdf);
        report.AttachPdf(sha, relative);
        await db.SaveChangesAsync();
        return issued with { Pdf = pdf, Sha256 = sha };
    }

    public static async Task SupersedeAsync(AppFixture fixture, string original, string amendment, string reason)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var reports = await db.Reports.Where(r => r.Number == original || r.Number == amendment).ToListAsync();
        reports.Single(r => r.Number == original).SupersedeWith(reports.Single(r => r.Number == amendment), reason);
        await db.SaveChangesAsync();
    }

    public static async Task WithdrawAsync(AppFixture fixture, string number, string reason)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        (await db.Reports.SingleAsync(r => r.Number == number)).Withdraw(reason, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    public static async Task<string?> StoredHashAsync(AppFixture fixture, string number)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return await db.Reports.Where(r => r.Number == number).Select(r => r.PdfSha256).SingleAsync();
    }

    public static string FilePath(AppFixture fixture, string number) =>
        Path.Combine(fixture.App.Services.GetRequiredService<DataPaths>().Files, "reports", number + ".pdf");

    /// <summary>A one-page PDF with a line of text (a valid file, so a browser or pdftotext can open it).</summary>
    public static byte[] MinimalPdf(string text)
    {
        var content = $"BT /F1 14 Tf 72 760 Td ({text.Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// A client whose connections come from its own loopback address (127.x.y.z): /verify is rate-limited per client
    /// address, so each test that uses it gets its own budget and never eats into another's (the browser tests and
    /// every other client come from 127.0.0.1).
    /// </summary>
    public static HttpClient FromOwnAddress(AppFixture fixture, string? acceptLanguage = null, bool allowAutoRedirect = false)
    {
        var address = new IPAddress([127, (byte)Random.Shared.Next(2, 250), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(1, 255)]);
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = allowAutoRedirect,
            UseProxy = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(fixture.App.ServerAddress), Timeout = TimeSpan.FromSeconds(60) };
        if (acceptLanguage is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return client;
    }
}
