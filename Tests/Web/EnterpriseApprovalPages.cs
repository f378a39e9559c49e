using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>/enterprises: reception approves or rejects the enterprises that signed up; the applicant is emailed either way.</summary>
[Collection(AppCollection.Name)]
public sealed class EnterpriseApprovalPages(AppFixture fixture)
{
    [Fact]
    public async Task ReceptionRejectsWithAReasonAndTheApplicantReadsItInTheEmailAndAtSignIn()
    {
        var a = await SignUpAsync(fixture);
        var id = (await EnterpriseAsync(fixture, a.CreditCode)).Id;
        using var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password);
        Assert.Contains($"data-enterprise=\"{a.CreditCode}\"", await reception.GetStringAsync("/enterprises"), StringComparison.Ordinal);

        // A reason is required, and nothing changes without one.
        var empty = await PostFormAsync(reception, $"/enterprises/{id}", $"/enterprises/{id}/reject", new Dictionary<string, string> { ["Reject.Reason"] = " " });
        Assert.Contains("请填写原因", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EnterpriseStatus.PendingApproval, (await EnterpriseAsync(fixture, a.CreditCode)).Status);

        const string reason = "营业执照上的企业名称与填写的不一致";
        var rejected = await PostFormAsync(reception, $"/enterprises/{id}", $"/enterprises/{id}/reject", new Dictionary<string, string> { ["Reject.Reason"] = reason });
        Assert.Equal("/enterprises", rejected.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"已拒绝 {a.Company}", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enterprise = await EnterpriseAsync(fixture, a.CreditCode);
        Assert.Equal((EnterpriseStatus.Rejected, reason), (enterprise.Status, enterprise.RejectionReason));

        var email = await EmailAsync(fixture, a.Email, "注册申请未通过审核");
        Assert.Contains(reason, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(reason, email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("zh-CN", email.Body!.Headers["Content-Language"]);

        using var client = fixture.App.CreateHttpClient();
        var login = await (await PostLoginAsync(client, a.Email, a.Password)).Content.ReadAsStringAsync();
        Assert.Contains($"您的企业注册申请未通过审核，原因：{reason}", login, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"logout\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalEmailsTheApplicantInTheLanguageTheySignedUpInAndTheyCanSignIn()
    {
        var a = await SignUpAsync(fixture, acceptLanguage: "en-US");

        await ApproveAsync(fixture, a.CreditCode);

        var enterprise = await EnterpriseAsync(fixture, a.CreditCode);
        Assert.Equal(Reception, enterprise.ApprovedBy);
        Assert.NotNull(enterprise.ApprovedAt);
        var email = await EmailAsync(fixture, a.Email, "Your enterprise account is approved");
        Assert.Contains("You can sign in now", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", LinkTo(email, "/Account/Login"));
        Assert.Equal("en", email.Body!.Headers["Content-Language"]);

        using var client = await fixture.App.CreateClientFor(a.Email, a.Password);
        var requests = await client.GetAsync("/requests");
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        Assert.Contains("My requests", await requests.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecidingTwiceSaysTheEnterpriseIsNoLongerWaiting()
    {
        var a = await SignUpAsync(fixture);
        await ApproveAsync(fixture, a.CreditCode);
        var id = (await EnterpriseAsync(fixture, a.CreditCode)).Id;
        using var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password);

        var again = await PostFormAsync(reception, $"/enterprises/{id}", $"/enterprises/{id}/reject", new Dictionary<string, string> { ["Reject.Reason"] = "重复操作" });

        Assert.Contains("该企业不在待审核状态", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EnterpriseStatus.Approved, (await EnterpriseAsync(fixture, a.CreditCode)).Status);
    }

    [Fact]
    public async Task TheNavigationBadgeCountsTheEnterprisesWaiting()
    {
        await SignUpAsync(fixture);
        int pending;
        using (var scope = fixture.App.Services.CreateScope())
            pending = await scope.ServiceProvider.GetRequiredService<LabDbContext>().Enterprises.CountAsync(e => e.Status == EnterpriseStatus.PendingApproval);

        foreach (var staff in new[] { Reception, "admin@lablims.test" })
        {
            using var client = await fixture.App.CreateClientFor(staff, DemoData.Password);
            var html = await client.GetStringAsync("/");
            Assert.Contains($"data-testid=\"pending-enterprises\" title=\"待审核\">{pending}</span>", html, StringComparison.Ordinal);
        }
        using var technician = await fixture.App.CreateClientFor("technician@lablims.test", DemoData.Password);
        Assert.DoesNotContain("data-nav=\"enterprises\"", await technician.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client@minghui-umbrella.test")]
    [InlineData("technician@lablims.test")]
    public async Task OnlyReceptionAndAdministratorsOpenEnterprises(string email)
    {
        var a = await SignUpAsync(fixture);
        var id = (await EnterpriseAsync(fixture, a.CreditCode)).Id;
        using var client = await fixture.App.CreateClientFor(email, DemoData.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/enterprises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/enterprises/{id}")).StatusCode);
        var approve = await PostFormAsync(client, "/", $"/enterprises/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(EnterpriseStatus.PendingApproval, (await EnterpriseAsync(fixture, a.CreditCode)).Status);
    }

    [Fact]
    public async Task ASuspendedEnterprisesUsersAreToldWhyAtSignIn()
    {
        var a = await SignUpAsync(fixture);
        await ApproveAsync(fixture, a.CreditCode);
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var code = CreditCode.Parse(a.CreditCode);
            (await db.Enterprises.SingleAsync(e => e.CreditCode == code)).Suspend("检测费逾期未结清");
            await db.SaveChangesAsync();
        }
        using var client = fixture.App.CreateHttpClient();

        var html = await (await PostLoginAsync(client, a.Email, a.Password)).Content.ReadAsStringAsync();

        Assert.Contains("您的企业账号已被暂停，原因：检测费逾期未结清", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"logout\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEnterpriseIs404()
    {
        using var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await reception.GetAsync("/enterprises/999999")).StatusCode);
    }
}
