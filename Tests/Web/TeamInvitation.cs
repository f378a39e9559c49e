using System.Net;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>/account/team: a client invites a colleague, who chooses a password through the emailed link.</summary>
[Collection(AppCollection.Name)]
public sealed class TeamInvitation(AppFixture fixture)
{
    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, string name, string email, string culture = "zh-CN") =>
        PostFormAsync(client, "/account/team", "/account/team/invite", new Dictionary<string, string>
        {
            ["Invite.Name"] = name, ["Invite.Email"] = email, ["Invite.Culture"] = culture,
        });

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password, string confirm) =>
        PostFormAsync(client, link, link, new Dictionary<string, string>
        {
            ["Input.Email"] = Uri.UnescapeDataString(link.Split("email=")[1].Split('&')[0]),
            ["Input.Token"] = Uri.UnescapeDataString(link.Split("token=")[1].Split('&')[0]),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        });

    private async Task<(LabUser User, IList<string> Roles)> UserAsync(string email)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return (user, await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task AnInvitedColleagueChoosesAPasswordAndIsSignedInAsAClientOfTheSameEnterprise()
    {
        var (a, inviter) = await ApprovedClientAsync(fixture, "inviter");
        using var session = inviter;
        var colleague = NewEmail("colleague");

        var invited = await InviteAsync(inviter, "林小红", colleague);

        Assert.Equal("/account/team", invited.RequestMessage!.RequestUri!.AbsolutePath);
        var team = await invited.Content.ReadAsStringAsync();
        Assert.Contains($"邀请已发送至 {colleague}", team, StringComparison.Ordinal);
        Assert.Contains($"data-member=\"{colleague}\"", team, StringComparison.Ordinal);
        Assert.Contains("已邀请，待设置密码", team, StringComparison.Ordinal);

        var email = await EmailAsync(fixture, colleague, "邀请您加入");
        Assert.Contains(a.Company, email.Subject, StringComparison.Ordinal);
        Assert.Contains(a.ContactName, email.TextBody, StringComparison.Ordinal); // who invited them
        var link = LinkTo(email, "/account/set-password");

        using var browser = fixture.App.CreateHttpClient();
        var page = await browser.GetStringAsync(link);
        Assert.Contains("设置登录密码", page, StringComparison.Ordinal);
        Assert.Contains(a.Company, page, StringComparison.Ordinal);

        // The password rules, in Chinese (the language of the invitation).
        var weak = await (await SetPasswordAsync(browser, link, "alllowercase", "alllowercase")).Content.ReadAsStringAsync();
        Assert.Contains("密码必须包含大写字母", weak, StringComparison.Ordinal);
        Assert.Contains("密码必须包含数字", weak, StringComparison.Ordinal);
        var differ = await (await SetPasswordAsync(browser, link, "Colleague#2026", "Colleague#2027")).Content.ReadAsStringAsync();
        Assert.Contains("两次输入的密码不一致", differ, StringComparison.Ordinal);

        var done = await SetPasswordAsync(browser, link, "Colleague#2026", "Colleague#2026");
        Assert.Equal("/requests", done.RequestMessage!.RequestUri!.AbsolutePath);
        var requests = await done.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"logout\"", requests, StringComparison.Ordinal);
        Assert.Contains("我的委托", requests, StringComparison.Ordinal);

        var (user, roles) = await UserAsync(colleague);
        var (applicant, _) = await UserAsync(a.Email);
        Assert.Equal(applicant.EnterpriseId, user.EnterpriseId);
        Assert.Equal([Roles.Client], roles);
        Assert.Equal("林小红", user.DisplayName);
        Assert.True(user.EmailConfirmed);

        // The link works once.
        using var later = fixture.App.CreateHttpClient();
        Assert.Contains("data-testid=\"link-invalid\"", await later.GetStringAsync(link), StringComparison.Ordinal);
        // And the new password signs in.
        using var signedIn = await fixture.App.CreateClientFor(colleague, "Colleague#2026");
        var ownTeam = await signedIn.GetStringAsync("/account/team");
        Assert.Contains($"data-member=\"{colleague}\"", ownTeam, StringComparison.Ordinal);
        Assert.DoesNotContain("已邀请，待设置密码", ownTeam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationInEnglishOpensInEnglishWithThePasswordRulesInEnglish()
    {
        var (_, inviter) = await ApprovedClientAsync(fixture, "inviter");
        using var session = inviter;
        var colleague = NewEmail("colleague");

        await InviteAsync(inviter, "Ada Chen", colleague, "en");

        var email = await EmailAsync(fixture, colleague, "Your invitation");
        Assert.Equal("en", email.Body!.Headers["Content-Language"]);
        var link = LinkTo(email, "/account/set-password");
        using var browser = fixture.App.CreateHttpClient(); // no language chosen in this browser: the invitation's
        var page = await browser.GetStringAsync(link);
        Assert.Contains("Choose your password", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        var weak = await (await SetPasswordAsync(browser, link, "short", "short")).Content.ReadAsStringAsync();
        Assert.Contains("Passwords must be at least 8 characters", weak, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedOrMissingTokenIsRefused()
    {
        var (_, inviter) = await ApprovedClientAsync(fixture, "inviter");
        using var session = inviter;
        var colleague = NewEmail("colleague");
        await InviteAsync(inviter, "王五", colleague);
        using var browser = fixture.App.CreateHttpClient();

        Assert.Contains("data-testid=\"link-invalid\"", await browser.GetStringAsync($"/account/set-password?email={colleague}&token=forged"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-invalid\"", await browser.GetStringAsync($"/account/set-password?email={colleague}"), StringComparison.Ordinal);
        var posted = await SetPasswordAsync(browser, $"/account/set-password?email={colleague}&token=forged", "Colleague#2026", "Colleague#2026");
        Assert.Contains("data-testid=\"link-invalid\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await UserAsync(colleague)).User.PasswordHash);
    }

    [Fact]
    public async Task AnEmailThatAlreadyHasAnAccountCannotBeInvited()
    {
        var (_, inviter) = await ApprovedClientAsync(fixture, "inviter");
        using var session = inviter;

        var html = await (await InviteAsync(inviter, "许海燕", "client@haixi-shoes.test")).Content.ReadAsStringAsync();

        Assert.Contains("client@haixi-shoes.test 已有账号", html, StringComparison.Ordinal);
        Assert.Contains("value=\"许海燕\"", html, StringComparison.Ordinal);
        var (haixi, _) = await UserAsync("client@haixi-shoes.test");
        Assert.NotNull(haixi.PasswordHash);
    }

    [Theory]
    [InlineData("reception@lablims.test")]
    [InlineData("admin@lablims.test")]
    public async Task TheTeamPageIsForClients(string staff)
    {
        using var client = await fixture.App.CreateClientFor(staff, Lab.Data.Seed.DemoData.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/team")).StatusCode);
    }
}
