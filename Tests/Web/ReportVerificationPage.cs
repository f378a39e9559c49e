using System.Net;
using System.Net.Http.Headers;
using Lab.Data.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// /verify/{code}, the QR's target: anyone holding a report's code sees whether it is genuine and still valid, and
/// can check a PDF against the stored hash; nothing else of the request leaks; unknown codes are a friendly 404;
/// each client address has a budget per minute. Every client here comes from its own loopback address
/// (<see cref="ReportTestData.FromOwnAddress"/>) so the budgets of tests never mix.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReportVerificationPage(AppFixture fixture)
{
    [Fact]
    public async Task AValidReportShowsItsPublicFactsAndNothingMore()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        using var visitor = ReportTestData.FromOwnAddress(fixture, "zh-CN");

        var response = await visitor.GetAsync($"/verify/{report.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"Issued\"", html, StringComparison.Ordinal);
        Assert.Contains("报告有效", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"verify-number\">{report.Number}<", html, StringComparison.Ordinal);
        Assert.Contains("晋江明辉伞业有限公司", html, StringComparison.Ordinal);
        Assert.All(report.SampleNames, name => Assert.Contains($"<li>{name}</li>", html, StringComparison.Ordinal));
        Assert.Contains(global::Web.Infrastructure.Lang.Day(DateTime.UtcNow), html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"verify-conclusion\">\\s*<span class=\"badge [^\"]*\" data-status=\"Pass\">合格</span>", html);
        Assert.Contains($"data-testid=\"verify-sha256\">{report.Sha256}<", html, StringComparison.Ordinal);

        // Nothing else: no results, methods or prices, no request or sample numbers, no address or contacts.
        string[] private_ =
        [
            "4322", "4321", "峰值载荷", "UMB-FRAME", "UMB-RAIN", report.RequestNumber, "S2026-", "¥", "RPT-L",
            "池店镇", "郑明辉", "0595-8566", "client@minghui-umbrella.test", "quality@minghui-umbrella.test",
            "technician@lablims.test", "reviewer@lablims.test", "signatory@lablims.test",
        ];
        Assert.All(private_, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ItSpeaksEnglishToo()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.HaixiCode, frameFails: true);
        using var visitor = ReportTestData.FromOwnAddress(fixture, "en-US,en;q=0.9");

        var html = await visitor.GetStringAsync($"/verify/{report.Code}");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Valid report", html, StringComparison.Ordinal);
        Assert.Contains("Date of issue", html, StringComparison.Ordinal);
        Assert.Contains("福建海西鞋业有限公司", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"verify-conclusion\">\\s*<span class=\"badge [^\"]*\" data-status=\"Fail\">Fail</span>", html);
    }

    [Fact]
    public async Task ASupersededReportNamesTheReportThatReplacesIt()
    {
        var original = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var amendment = await ReportTestData.AddReportAsync(fixture, original.RequestNumber);
        await ReportTestData.SupersedeAsync(fixture, original.Number, amendment.Number, "样品型号笔误 / secret reason");
        using var zh = ReportTestData.FromOwnAddress(fixture, "zh-CN");
        using var en = ReportTestData.FromOwnAddress(fixture, "en");

        var chinese = await zh.GetStringAsync($"/verify/{original.Code}");
        var english = await en.GetStringAsync($"/verify/{original.Code}");
        var current = await en.GetStringAsync($"/verify/{amendment.Code}");

        Assert.Contains("data-status=\"Superseded\"", chinese, StringComparison.Ordinal);
        Assert.Contains($"已被报告 {amendment.Number} 替代", Text(chinese), StringComparison.Ordinal);
        Assert.Contains($"Superseded by {amendment.Number}", Text(english), StringComparison.Ordinal);
        // The amendment's own code is not handed out, nor the reason (that is for the customer).
        Assert.DoesNotContain(amendment.Code, english, StringComparison.Ordinal);
        Assert.DoesNotContain("secret reason", english, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Issued\"", current, StringComparison.Ordinal);
        Assert.Contains("Valid report", current, StringComparison.Ordinal);
        Assert.DoesNotContain("secret reason", current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawnReportSaysSo()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        await ReportTestData.WithdrawAsync(fixture, report.Number, "内部原因 internal reason");
        using var visitor = ReportTestData.FromOwnAddress(fixture, "zh-CN");

        var html = await visitor.GetStringAsync($"/verify/{report.Code}");

        Assert.Contains("data-status=\"Withdrawn\"", html, StringComparison.Ordinal);
        Assert.Contains("报告已撤回", html, StringComparison.Ordinal);
        Assert.DoesNotContain("报告有效", html, StringComparison.Ordinal);
        Assert.DoesNotContain("internal reason", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCodeIsAFriendly404()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        using var zh = ReportTestData.FromOwnAddress(fixture, "zh-CN");
        using var en = ReportTestData.FromOwnAddress(fixture, "en");
        var unknown = global::Web.Reports.VerificationCodes.New();

        foreach (var code in new[] { unknown, "nonsense", report.Code[..^1] + (report.Code[^1] == 'A' ? 'B' : 'A'), new string('x', 300) })
        {
            var response = await zh.GetAsync($"/verify/{code}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"verify-unknown\"", html, StringComparison.Ordinal);
            Assert.Contains("未找到与此验证码对应的检测报告", html, StringComparison.Ordinal);
            Assert.DoesNotContain(report.Number, html, StringComparison.Ordinal);
        }
        var english = await en.GetAsync($"/verify/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("No report has this verification code", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeTypedFromPaperFindsItsReport()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        using var visitor = ReportTestData.FromOwnAddress(fixture, "en");
        var typed = string.Join(' ', report.Code.Chunk(5).Select(c => new string(c))).ToLowerInvariant(); // "k7qx2 mzp9r ..."

        var form = await visitor.GetAsync("/verify");
        Assert.Contains("data-testid=\"verify-code-form\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var redirect = await visitor.GetAsync("/verify?code=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/verify/{report.Code}", redirect.Headers.Location?.OriginalString);
        var lower = await visitor.GetAsync($"/verify/{report.Code.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Contains(report.Number, await lower.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APdfOrItsHashIsCheckedAgainstTheStoredOne()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var other = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        using var visitor = ReportTestData.FromOwnAddress(fixture, "en");

        Assert.Equal("Match", await CheckAsync(visitor, report.Code, report.Pdf, null));
        var changed = (byte[])report.Pdf!.Clone();
        changed[^12] ^= 0x01;
        Assert.Equal("Mismatch", await CheckAsync(visitor, report.Code, changed, null));
        Assert.Equal("Mismatch", await CheckAsync(visitor, report.Code, other.Pdf, null));
        // A pasted hash in any case, grouped with spaces or colons, is the same hash.
        var grouped = string.Join(':', report.Sha256!.ToUpperInvariant().Chunk(8).Select(c => new string(c)));
        Assert.Equal("Match", await CheckAsync(visitor, report.Code, null, grouped));
        Assert.Equal("Mismatch", await CheckAsync(visitor, report.Code, null, other.Sha256));
        Assert.Equal("NotAHash", await CheckAsync(visitor, report.Code, null, "not a hash"));
        Assert.Equal("NothingGiven", await CheckAsync(visitor, report.Code, null, null));
    }

    [Fact]
    public async Task TooManyRequestsFromOneAddressGetAFriendly429()
    {
        var report = await ReportTestData.IssueAsync(fixture, DemoData.MinghuiCode);
        var limit = fixture.App.Services.GetRequiredService<IConfiguration>().GetValue("Verify:PermitPerMinute", 30);
        Assert.InRange(limit, 1, 200);
        using var busy = ReportTestData.FromOwnAddress(fixture, "zh-CN");
        using var neighbour = ReportTestData.FromOwnAddress(fixture, "zh-CN");

        // The budget covers found and unknown codes alike: trying codes costs the same as reading reports.
        for (var i = 0; i < limit; i++)
        {
            var ok = await busy.GetAsync(i % 2 == 0 ? $"/verify/{report.Code}" : $"/verify/{(global::Web.Reports.VerificationCodes.New())}");
            Assert.True(ok.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"Request {i + 1}: {ok.StatusCode}");
        }
        var refused = await busy.GetAsync($"/verify/{report.Code}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"429\"", html, StringComparison.Ordinal);
        Assert.Contains("请求过于频繁", html, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Number, html, StringComparison.Ordinal);
        // Another address is not affected, and neither are the other pages of the app.
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync($"/verify/{report.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/catalog")).StatusCode);
    }

    /// <summary>The page without its tags, as a reader sees the words.</summary>
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");

    /// <summary>Posts the check form (a file, or a pasted hash) and returns the outcome the page shows.</summary>
    private static async Task<string?> CheckAsync(HttpClient client, string code, byte[]? pdf, string? sha256)
    {
        var page = await client.GetStringAsync($"/verify/{code}");
        var token = LabAppFactory.AntiforgeryToken(page[page.IndexOf("data-testid=\"verify-check-form\"", StringComparison.Ordinal)..])!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (pdf is not null)
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "pdf", "report.pdf");
        }
        form.Add(new StringContent(sha256 ?? ""), "sha256");
        var response = await client.PostAsync($"/verify/{code}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"verify-check\" data-outcome=\"([A-Za-z]+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }
}
