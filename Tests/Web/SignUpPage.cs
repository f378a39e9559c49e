using System.Net;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>/signup: a manufacturer opens an enterprise account, which waits for the lab's approval.</summary>
[Collection(AppCollection.Name)]
public sealed class SignUpPage(AppFixture fixture)
{
    private async Task<bool> RegisteredAsync(string creditCode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return CreditCode.TryParse(creditCode, out var code, out _) && await db.Enterprises.AnyAsync(e => e.CreditCode == code!);
    }

    [Fact]
    public async Task AWrongCheckCharacterIsRefusedWithItsOwnMessageAndEverythingTypedStaysExceptThePasswords()
    {
        var a = NewApplicant();
        var fields = SignUpFields(a);
        fields["CreditCode"] = WithWrongCheckCharacter(a.CreditCode);
        using var client = fixture.App.CreateHttpClient();

        using var response = await PostSignUpAsync(client, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/signup", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("校验位（最后一位）与前 17 位不符", html, StringComparison.Ordinal);
        foreach (var field in new[] { "CompanyName", "CreditCode", "Address", "ContactName", "Phone", "Email" })
            Assert.Contains($"value=\"{WebUtility.HtmlEncode(fields[field])}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Password, html, StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(fields["CreditCode"][..17] + a.CreditCode[17]));
        Assert.Null(await UserAsync(a.Email));
    }

    [Theory]
    [InlineData("91350582MA31XKQ27", "应为 18 位", "has 18 characters")]
    [InlineData("91350582MA31XKQ27XX", "应为 18 位", "has 18 characters")]
    [InlineData("91350582MI31XKQ27X", "不含 I、O、Z、S、V", "other than I, O, Z, S and V")]
    public async Task TheCodesLengthAndCharactersHaveTheirOwnMessagesInEachLanguage(string code, string zh, string en)
    {
        var fields = SignUpFields(NewApplicant());
        fields["CreditCode"] = code;

        using var chinese = fixture.App.CreateHttpClient();
        Assert.Contains(zh, await (await PostSignUpAsync(chinese, fields)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var english = fixture.App.CreateHttpClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var html = await (await PostSignUpAsync(english, fields)).Content.ReadAsStringAsync();
        Assert.Contains(en, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(fields["CompanyName"])}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreditCodeAlreadyRegisteredIsRefused()
    {
        var first = await SignUpAsync(fixture);
        var second = NewApplicant() with { CreditCode = first.CreditCode.ToLowerInvariant() };
        using var client = fixture.App.CreateHttpClient();

        var html = await (await PostSignUpAsync(client, SignUpFields(second))).Content.ReadAsStringAsync();

        Assert.Contains("该统一社会信用代码已注册", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(second.Company)}\"", html, StringComparison.Ordinal);
        Assert.Null(await UserAsync(second.Email));
        // A demo enterprise's code (approved long ago) too.
        var demo = NewApplicant() with { CreditCode = DemoData.MinghuiCode };
        Assert.Contains("该统一社会信用代码已注册", await (await PostSignUpAsync(client, SignUpFields(demo))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmailAlreadyRegisteredIsRefused()
    {
        var a = NewApplicant() with { Email = "Client@Minghui-Umbrella.test" };
        using var client = fixture.App.CreateHttpClient();

        var html = await (await PostSignUpAsync(client, SignUpFields(a))).Content.ReadAsStringAsync();

        Assert.Contains("该邮箱已注册", html, StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(a.CreditCode));
    }

    [Fact]
    public async Task MissingFieldsWeakPasswordsAndADifferentConfirmationAreAllReportedAtOnce()
    {
        var a = NewApplicant();
        var fields = SignUpFields(a);
        fields["Address"] = "";
        fields["CreditCode"] = WithWrongCheckCharacter(a.CreditCode);
        fields["Password"] = "short";
        fields["ConfirmPassword"] = "shorter";
        using var client = fixture.App.CreateHttpClient();

        var html = await (await PostSignUpAsync(client, fields)).Content.ReadAsStringAsync();

        Assert.Contains("请填写企业地址", html, StringComparison.Ordinal);
        Assert.Contains("校验位", html, StringComparison.Ordinal);
        Assert.Contains("密码至少需要 8 个字符", html, StringComparison.Ordinal);
        Assert.Contains("两次输入的密码不一致", html, StringComparison.Ordinal);
        Assert.False(await RegisteredAsync(a.CreditCode));
    }

    [Fact]
    public async Task SigningUpInEnglishMakesAPendingEnterpriseAndAClientAndEmailsTheApplicantInEnglish()
    {
        var a = NewApplicant();
        using var client = fixture.App.CreateHttpClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        using var response = await PostSignUpAsync(client, SignUpFields(a));
        var html = await response.Content.ReadAsStringAsync();

        Assert.EndsWith("/signup/waiting", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("waiting for the lab's approval", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(a.Email, html, StringComparison.Ordinal);

        var enterprise = await EnterpriseAsync(fixture, a.CreditCode);
        Assert.Equal(EnterpriseStatus.PendingApproval, enterprise.Status);
        Assert.Equal(a.Company, enterprise.Name);
        var contact = Assert.Single(enterprise.Contacts);
        Assert.Equal((a.ContactName, a.Email, true), (contact.Name, contact.Email, contact.ReceivesReports));

        var user = await UserAsync(a.Email);
        Assert.NotNull(user);
        Assert.Equal(enterprise.Id, user.EnterpriseId);
        Assert.Equal("en", user.PreferredCulture);
        Assert.Equal(a.ContactName, user.DisplayName);
        Assert.Equal([Roles.Client], await RolesAsync(user));

        var email = await EmailAsync(fixture, a.Email, "Application received");
        Assert.Contains(a.Company, email.Subject, StringComparison.Ordinal);
        Assert.Contains("waiting for the lab's approval", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(a.CreditCode, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWaitingApplicantIsToldWhyOnlyAfterTheRightPassword()
    {
        var a = await SignUpAsync(fixture);
        using var client = fixture.App.CreateHttpClient();

        var wrong = await (await PostLoginAsync(client, a.Email, "Not-the-password1")).Content.ReadAsStringAsync();
        Assert.Contains("邮箱或密码不正确", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("等待实验室审核", wrong, StringComparison.Ordinal);

        var right = await (await PostLoginAsync(client, a.Email, a.Password)).Content.ReadAsStringAsync();
        Assert.Contains("您的企业账号正在等待实验室审核", right, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"logout\"", right, StringComparison.Ordinal);
        var requests = await client.GetAsync("/requests");
        Assert.Equal("/Account/Login", requests.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AVisitorFindsTheSignUpPageFromTheHeaderAndTheHomePage()
    {
        using var client = fixture.App.CreateHttpClient();

        var home = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"signup-link\" href=\"/signup\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cta-signup\"", home, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/signup");
        Assert.Contains("企业账号注册", page, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码", page, StringComparison.Ordinal);
    }

    private async Task<LabUser?> UserAsync(string email)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>().FindByEmailAsync(email);
    }

    private async Task<IList<string>> RolesAsync(LabUser user)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>().GetRolesAsync(user);
    }
}
