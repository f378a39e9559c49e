using System.Net;
using Lab.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class SignIn(AppFixture fixture)
{
    private async Task<string> NewUserAsync(string password)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>();
        var email = $"lockout-{Guid.NewGuid():N}@lablims.test";
        var result = await users.CreateAsync(new LabUser { UserName = email, Email = email, DisplayName = "Lockout test", EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Technician);
        return email;
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = LabAppFactory.AntiforgeryToken(await client.GetStringAsync("/Account/Login"))!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightOne()
    {
        const string password = "Correct#Horse9";
        var email = await NewUserAsync(password);
        using var client = fixture.App.CreateHttpClient();

        for (var i = 1; i <= 3; i++)
            Assert.Contains("邮箱或密码不正确", await (await PostLoginAsync(client, email, "wrong")).Content.ReadAsStringAsync());
        Assert.Contains("再错 1 次", await (await PostLoginAsync(client, email, "wrong")).Content.ReadAsStringAsync());
        Assert.Contains("账号已被锁定", await (await PostLoginAsync(client, email, "wrong")).Content.ReadAsStringAsync());

        var withRightPassword = await (await PostLoginAsync(client, email, password)).Content.ReadAsStringAsync();
        Assert.Contains("账号已被锁定", withRightPassword);
        Assert.DoesNotContain("data-testid=\"logout\"", withRightPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFormSaysWhichFieldsAreMissing()
    {
        using var client = fixture.App.CreateHttpClient();

        var html = await (await PostLoginAsync(client, "", "")).Content.ReadAsStringAsync();

        Assert.Contains("请填写邮箱", html);
        Assert.Contains("请填写密码", html);
    }

    [Fact]
    public async Task SigningInReturnsToThePageAskedFor()
    {
        using var client = fixture.App.CreateHttpClient(allowAutoRedirect: false);
        var token = LabAppFactory.AntiforgeryToken(await client.GetStringAsync("/Account/Login?returnUrl=%2Freview"))!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "reviewer@lablims.test", ["Password"] = Lab.Data.Seed.DemoData.Password,
            ["ReturnUrl"] = "/review", ["__RequestVerificationToken"] = token,
        });

        var response = await client.PostAsync("/Account/Login", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteIsIgnored()
    {
        using var client = fixture.App.CreateHttpClient(allowAutoRedirect: false);
        var token = LabAppFactory.AntiforgeryToken(await client.GetStringAsync("/Account/Login"))!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "reviewer@lablims.test", ["Password"] = Lab.Data.Seed.DemoData.Password,
            ["ReturnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = token,
        });

        var response = await client.PostAsync("/Account/Login", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
