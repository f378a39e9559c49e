using System.Net;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class HangfireDashboard(AppFixture fixture)
{
    [Fact]
    public async Task RefusesAnonymousVisitors()
    {
        using var client = fixture.App.CreateHttpClient(allowAutoRedirect: false);

        using var response = await client.GetAsync("/hangfire");

        // 401 (with the friendly status page), or a redirect to the login form.
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true),
            $"An anonymous visitor got {(int)response.StatusCode} from /hangfire.");
        Assert.DoesNotContain("LabLims jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAClient()
    {
        using var client = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password, allowAutoRedirect: false);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("LabLims jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensForTheAdministrator()
    {
        using var client = await fixture.App.CreateClientFor("admin@lablims.test", DemoData.Password, allowAutoRedirect: false);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("LabLims jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
