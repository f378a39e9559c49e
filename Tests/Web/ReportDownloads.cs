using System.Net;
using System.Security.Cryptography;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>An enterprise finds its reports on its request page and downloads them; staff see every request's.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportDownloads(AppFixture fixture)
{
    [Fact]
    public async Task AnEnterpriseDownloadsItsOwnReportButNotAnothers()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        using var owner = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        using var other = await fixture.App.CreateClientFor("client@haixi-shoes.test", DemoData.Password);
        using var reception = await fixture.App.CreateClientFor("reception@lablims.test", DemoData.Password);
        using var anonymous = fixture.App.CreateHttpClient(allowAutoRedirect: false);

        foreach (var client in new[] { owner, reception })
        {
            var response = await client.GetAsync($"/reports/{report.Number}.pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"{report.Number}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(await ReportTestData.StoredHashAsync(fixture, report.Number), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        foreach (var number in new[] { report.Number, "BG2019-99999" })
        {
            var refused = await other.GetAsync($"/reports/{number}.pdf");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"status-page\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        }
        var signIn = await anonymous.GetAsync($"/reports/{report.Number}.pdf");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Account/Login", signIn.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestPageListsEachReportWithItsStatusLinksAndHash()
    {
        var original = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var amendment = await ReportTestData.AddReportAsync(fixture, original.RequestNumber);
        await ReportTestData.SupersedeAsync(fixture, original.Number, amendment.Number, "样品型号笔误");
        var pending = await ReportTestData.AddReportAsync(fixture, original.RequestNumber, withPdf: false);
        await ReportTestData.WithdrawAsync(fixture, pending.Number, "误签发");
        using var owner = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        using var signatory = await fixture.App.CreateClientFor("signatory@lablims.test", DemoData.Password);

        foreach (var client in new[] { owner, signatory })
        {
            var html = await client.GetStringAsync($"/requests/{original.RequestNumber}");
            var section = html[html.IndexOf("data-testid=\"reports\"", StringComparison.Ordinal)..];
            var first = Item(section, original.Number);
            Assert.Contains("data-status=\"Superseded\"", first, StringComparison.Ordinal);
            Assert.Contains($"已被 {amendment.Number} 替代", first, StringComparison.Ordinal);
            Assert.Contains($"href=\"/reports/{original.Number}.pdf\"", first, StringComparison.Ordinal);
            Assert.Contains(original.Sha256!, first, StringComparison.Ordinal);
            Assert.Contains($"href=\"/verify/{original.Code}\"", first, StringComparison.Ordinal);

            var second = Item(section, amendment.Number);
            Assert.Contains("data-status=\"Issued\"", second, StringComparison.Ordinal);
            Assert.Contains($"替代报告 {original.Number}：样品型号笔误", second, StringComparison.Ordinal);
            Assert.Contains(amendment.Sha256!, second, StringComparison.Ordinal);

            var third = Item(section, pending.Number);
            Assert.Contains("data-status=\"Withdrawn\"", third, StringComparison.Ordinal);
            Assert.Contains("误签发", third, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"report-generating\"", third, StringComparison.Ordinal);
            Assert.DoesNotContain("report-download", third, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADownloadBeforeThePdfIsGeneratedSaysSo()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode, withPdf: false);
        using var owner = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);

        var response = await owner.GetAsync($"/reports/{report.Number}.pdf");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"检测报告 {report.Number} 的 PDF 正在生成", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/requests/{report.RequestNumber}\"", html, StringComparison.Ordinal);
    }

    /// <summary>The list item of one report on the request page.</summary>
    private static string Item(string section, string number)
    {
        var start = section.IndexOf($"data-report=\"{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"Report {number} is not listed.");
        var end = section.IndexOf("</li>", start, StringComparison.Ordinal);
        return section[start..end];
    }
}
