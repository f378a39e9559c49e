using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// The booking API's side of reports: GET /api/v1/requests lists each request's reports, and
/// GET /api/v1/reports/{number}.pdf serves the PDF exactly as stored, to its own enterprise and the lab's keys only.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReportsApi(AppFixture fixture)
{
    [Fact]
    public async Task RequestsListTheirReportsWithNumberIssueTimeAndStatus()
    {
        var original = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var amendment = await ReportTestData.AddReportAsync(fixture, original.RequestNumber);
        await ReportTestData.SupersedeAsync(fixture, original.Number, amendment.Number, "样品型号笔误 / Model number misspelt");
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        var list = await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/requests"));
        var listed = list.EnumerateArray().Single(r => r.GetProperty("number").GetString() == original.RequestNumber);
        var one = await ApiTestClient.JsonAsync(await api.GetAsync($"/api/v1/requests/{original.RequestNumber}"));

        foreach (var request in new[] { listed, one })
        {
            Assert.Equal("Issued", request.GetProperty("status").GetString());
            var reports = request.GetProperty("reports").EnumerateArray().ToList();
            Assert.Equal([original.Number, amendment.Number], reports.Select(r => r.GetProperty("number").GetString()));
            Assert.All(reports, r => Assert.Equal(["number", "issuedAt", "status"], r.EnumerateObject().Select(p => p.Name)));
            Assert.Equal(["Superseded", "Issued"], reports.Select(r => r.GetProperty("status").GetString()));
            // UTC, marked as such, and about now.
            var issuedAt = reports[0].GetProperty("issuedAt").GetString()!;
            Assert.EndsWith("Z", issuedAt, StringComparison.Ordinal);
            Assert.InRange(DateTimeOffset.Parse(issuedAt, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        // A request without reports still has the (empty) list.
        Assert.All(list.EnumerateArray().Where(r => r.GetProperty("status").GetString() == "Submitted"),
            r => Assert.Equal(0, r.GetProperty("reports").GetArrayLength()));
    }

    [Fact]
    public async Task AnEnterpriseKeyDownloadsItsOwnReportExactlyAsStoredAndAnothersIs404()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var haixiKey = (await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, await ApiTestClient.EnterpriseIdAsync(fixture, DemoData.HaixiCode), "haixi erp")).Secret;
        using var minghui = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        using var haixi = ApiTestClient.For(fixture, haixiKey, "en");

        var response = await minghui.GetAsync($"/api/v1/reports/{report.Number}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{report.Number}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await ReportTestData.StoredHashAsync(fixture, report.Number), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(report.Pdf, bytes);

        // Another enterprise's report is 404 exactly like a number that does not exist, and says nothing about it.
        foreach (var number in new[] { report.Number, "BG2019-99999" })
        {
            var refused = await haixi.GetAsync($"/api/v1/reports/{number}.pdf");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await ApiTestClient.JsonAsync(refused);
            Assert.Equal("No report with this number.", problem.GetProperty("title").GetString());
            Assert.DoesNotContain(report.Number, problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheLabsStationKeyGetsAnyReportAndOtherKeysAreRefused()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.HaixiCode);
        var instrumentKey = (await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Instrument, null, "uv tester pc")).Secret;
        using var station = ApiTestClient.For(fixture, DemoData.ReceptionStationKey);
        using var instrument = ApiTestClient.For(fixture, instrumentKey, "en");
        using var anonymous = ApiTestClient.For(fixture, null, "en");

        var bytes = await station.GetByteArrayAsync($"/api/v1/reports/{report.Number}.pdf");
        Assert.Equal(report.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var forbidden = await instrument.GetAsync($"/api/v1/reports/{report.Number}.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/reports/{report.Number}.pdf")).StatusCode);
    }

    [Fact]
    public async Task AReportWhosePdfIsStillBeingGeneratedAnswers409SayingSo()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode, withPdf: false);
        using var en = ApiTestClient.For(fixture, DemoData.MinghuiApiKey, "en");
        using var zh = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        var response = await en.GetAsync($"/api/v1/reports/{report.Number}.pdf");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"The PDF of report {report.Number} is being generated.", (await ApiTestClient.JsonAsync(response)).GetProperty("title").GetString());
        var chinese = await ApiTestClient.JsonAsync(await zh.GetAsync($"/api/v1/reports/{report.Number}.pdf"));
        Assert.Equal($"检测报告 {report.Number} 的 PDF 正在生成。", chinese.GetProperty("title").GetString());

        // Once the certificate job has attached it, the same call serves it.
        var attached = await ReportTestData.AttachPdfAsync(fixture, report);
        var bytes = await en.GetByteArrayAsync($"/api/v1/reports/{report.Number}.pdf");
        Assert.Equal(attached.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task AStoredPdfThatNoLongerMatchesItsHashIsNeverServed()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var file = ReportTestData.FilePath(fixture, report.Number);
        var changed = (byte[])report.Pdf!.Clone();
        changed[^10] ^= 0x20;
        await File.WriteAllBytesAsync(file, changed);
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey, "en");

        var response = await api.GetAsync($"/api/v1/reports/{report.Number}.pdf");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("does not match its recorded SHA-256", (await ApiTestClient.JsonAsync(response)).GetProperty("title").GetString());

        File.Delete(file);
        var missing = await api.GetAsync($"/api/v1/reports/{report.Number}.pdf");
        Assert.Equal(HttpStatusCode.InternalServerError, missing.StatusCode);
        Assert.Contains("missing", (await ApiTestClient.JsonAsync(missing)).GetProperty("title").GetString());
    }
}
