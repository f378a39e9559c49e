using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>
/// An administrator suspends an enterprise (e.g. unpaid invoices) with a reason: its signed-in users are signed out at
/// their next request and cannot sign in again, its API keys are refused saying why, and its users are emailed the
/// reason. Reception cannot suspend or reinstate; the administrator reinstates, and everything works again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class EnterpriseSuspension(AppFixture fixture)
{
    private const string Admin = "admin@lablims.test";

    [Fact]
    public async Task ASuspendedEnterpriseIsSignedOutItsKeysRefusedAndItIsToldWhyUntilReinstated()
    {
        var (applicant, portal) = await ApprovedClientAsync(fixture, "suspended");
        using var _ = portal;
        var key = await CreateKeyAsync(portal);
        using var api = ApiTestClient.For(fixture, key, "zh-CN");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/requests")).StatusCode); // remembered as approved
        var id = (await EnterpriseAsync(fixture, applicant.CreditCode)).Id;
        var page = $"/enterprises/{id}";

        // Reception may approve sign-ups but not suspend.
        using (var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password))
        {
            Assert.DoesNotContain("data-testid=\"suspend-form\"", await reception.GetStringAsync(page), StringComparison.Ordinal);
            using var refused = await PostFormAsync(reception, page, $"/enterprises/{id}/suspend", new Dictionary<string, string> { ["Suspend.Reason"] = "欠费" });
            Assert.NotEqual(EnterpriseStatus.Suspended, (await EnterpriseAsync(fixture, applicant.CreditCode)).Status);
        }

        using var admin = await fixture.App.CreateClientFor(Admin, DemoData.Password);
        // No reason, no suspension: the form says what is missing.
        using (var blank = await PostFormAsync(admin, page, $"/enterprises/{id}/suspend", new Dictionary<string, string> { ["Suspend.Reason"] = " " }))
        {
            Assert.Contains("data-testid=\"error-SuspendReason\"", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(EnterpriseStatus.Approved, (await EnterpriseAsync(fixture, applicant.CreditCode)).Status);
        }
        const string reason = "2026 年 10 月检测费逾期未付";
        using (var suspended = await PostFormAsync(admin, page, $"/enterprises/{id}/suspend", new Dictionary<string, string> { ["Suspend.Reason"] = reason }))
        {
            var html = await suspended.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
            Assert.Contains("已暂停", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"suspended-notice\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(EnterpriseStatus.Suspended, (await EnterpriseAsync(fixture, applicant.CreditCode)).Status);

        // The signed-in user is signed out at the next page, and signing in again says why not.
        using (var next = await portal.GetAsync("/requests"))
            Assert.Equal("/Account/Login", next.RequestMessage!.RequestUri!.AbsolutePath);
        using (var again = fixture.App.CreateHttpClient())
        using (var login = await PostLoginAsync(again, applicant.Email, applicant.Password))
        {
            var html = WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync());
            Assert.Contains(reason, html, StringComparison.Ordinal);
            Assert.Equal("/Account/Login", login.RequestMessage!.RequestUri!.AbsolutePath);
        }

        // The key is refused at once, saying the account is suspended (not "unknown key").
        using (var refused = await api.GetAsync("/api/v1/requests"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("暂停", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var mail = await EmailAsync(fixture, applicant.Email, "账户已暂停");
        Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);

        // Reception cannot reinstate either; the administrator can.
        using (var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password))
        {
            Assert.DoesNotContain("data-testid=\"approve\"", await reception.GetStringAsync(page), StringComparison.Ordinal);
            using var refused = await PostFormAsync(reception, page, $"/enterprises/{id}/approve", new Dictionary<string, string>());
            Assert.Equal(EnterpriseStatus.Suspended, (await EnterpriseAsync(fixture, applicant.CreditCode)).Status);
        }
        using (var reinstated = await PostFormAsync(admin, page, $"/enterprises/{id}/approve", new Dictionary<string, string>()))
            Assert.Contains("已恢复", await reinstated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/requests")).StatusCode);
        using var back = await fixture.App.CreateClientFor(applicant.Email, applicant.Password);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/requests")).StatusCode);
        await EmailAsync(fixture, applicant.Email, "账户已恢复");
    }

    private static async Task<string> CreateKeyAsync(HttpClient portal)
    {
        using var created = await PostFormAsync(portal, "/account/api-keys", "/account/api-keys", new Dictionary<string, string> { ["Name"] = "ERP" });
        var match = NewKey().Match(await created.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The new key is not shown after creating it.");
        return match.Groups["key"].Value;
    }

    [GeneratedRegex("value=\"(?<key>llk_[0-9A-Za-z]{40})\" data-testid=\"new-api-key\"")]
    private static partial Regex NewKey();
}
