using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>A client sees only its own enterprise's requests; another enterprise's number answers 404.</summary>
[Collection(AppCollection.Name)]
public sealed class ClientIsolation(AppFixture fixture)
{
    private const string Minghui = "client@minghui-umbrella.test";
    private const string Haixi = "client@haixi-shoes.test";

    private async Task<(List<string> Own, List<string> Other)> NumbersAsync(string ownCreditCode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var enterprises = await db.Enterprises.ToListAsync();
        var own = enterprises.Single(e => e.CreditCode.Value == ownCreditCode).Id;
        var requests = await db.TestRequests.Where(r => r.Number != null).Select(r => new { r.Number, r.EnterpriseId }).ToListAsync();
        return (requests.Where(r => r.EnterpriseId == own).Select(r => r.Number!).ToList(),
                requests.Where(r => r.EnterpriseId != own).Select(r => r.Number!).ToList());
    }

    [Theory]
    [InlineData(Minghui)]
    [InlineData(Haixi)]
    public async Task AClientListsOnlyItsOwnRequests(string email)
    {
        var (own, other) = await NumbersAsync(email == Minghui ? DemoData.MinghuiCode : DemoData.HaixiCode);
        Assert.NotEmpty(own);
        Assert.NotEmpty(other);
        using var client = await fixture.App.CreateClientFor(email, DemoData.Password);

        var html = await client.GetStringAsync("/requests");

        Assert.All(own, n => Assert.Contains($"data-request=\"{n}\"", html, StringComparison.Ordinal));
        Assert.All(other, n => Assert.DoesNotContain(n, html, StringComparison.Ordinal));

        // Searching for another enterprise's number finds nothing either.
        var search = await client.GetStringAsync("/requests?q=" + Uri.EscapeDataString(other[0]));
        Assert.DoesNotContain($"data-request=\"{other[0]}\"", search, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"requests-empty\"", search, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Minghui)]
    [InlineData(Haixi)]
    public async Task AnotherEnterprisesRequestAnswers404LikeAnUnknownNumber(string email)
    {
        var (own, other) = await NumbersAsync(email == Minghui ? DemoData.MinghuiCode : DemoData.HaixiCode);
        using var client = await fixture.App.CreateClientFor(email, DemoData.Password);

        foreach (var number in own)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/requests/{number}")).StatusCode);
        foreach (var number in other.Append("WT2026-99999"))
        {
            var response = await client.GetAsync($"/requests/{number}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(number, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<(int DraftId, string SubmittedNumber)> MinghuiDraftAndSubmittedAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var minghui = (await db.Enterprises.ToListAsync()).Single(e => e.CreditCode.Value == DemoData.MinghuiCode).Id;
        var draft = await db.TestRequests.Where(r => r.EnterpriseId == minghui && r.Status == Lab.Domain.Requests.RequestStatus.Draft).Select(r => r.Id).FirstAsync();
        var submitted = await db.TestRequests.Where(r => r.EnterpriseId == minghui && r.Status == Lab.Domain.Requests.RequestStatus.Submitted)
            .Select(r => r.Number!).FirstAsync();
        return (draft, submitted);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = LabAppFactory.AntiforgeryToken(await client.GetStringAsync("/requests"))!;
        fields["__RequestVerificationToken"] = token;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    [Fact]
    public async Task AnotherEnterprisesDraftCannotBeOpenedChangedOrDeleted()
    {
        var (draft, _) = await MinghuiDraftAndSubmittedAsync();
        using var owner = await fixture.App.CreateClientFor(Minghui, DemoData.Password);
        using var other = await fixture.App.CreateClientFor(Haixi, DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/requests/draft/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/requests/draft/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(other, $"/requests/draft/{draft}",
            new() { ["Samples[0].Name"] = "hijacked", ["Samples[0].Quantity"] = "1", ["Samples[0].Methods"] = "UMB-WIND", ["command"] = "save" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostFormAsync(other, $"/requests/draft/{draft}/delete", [])).StatusCode);

        // The draft is still the owner's, unchanged.
        var html = await owner.GetStringAsync($"/requests/draft/{draft}");
        Assert.DoesNotContain("hijacked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherEnterprisesRequestCannotBeCancelled()
    {
        var (_, number) = await MinghuiDraftAndSubmittedAsync();
        using var other = await fixture.App.CreateClientFor(Haixi, DemoData.Password);

        var response = await PostFormAsync(other, $"/requests/{number}/cancel", new() { ["reason"] = "not mine" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        Assert.Equal(Lab.Domain.Requests.RequestStatus.Submitted, (await db.TestRequests.SingleAsync(r => r.Number == number)).Status);
    }

    [Fact]
    public async Task StaffSeeEveryEnterprisesRequests()
    {
        var (own, other) = await NumbersAsync(DemoData.MinghuiCode);
        using var client = await fixture.App.CreateClientFor("reception@lablims.test", DemoData.Password);

        var html = await client.GetStringAsync("/requests");

        Assert.All(own.Concat(other), n => Assert.Contains($"data-request=\"{n}\"", html, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/requests/{other[0]}")).StatusCode);
    }

    [Theory]
    [InlineData("/reception")]
    [InlineData("/worklist")]
    [InlineData("/review")]
    [InlineData("/approval")]
    [InlineData("/instruments")]
    [InlineData("/admin")]
    public async Task AClientCannotOpenStaffPages(string path)
    {
        using var client = await fixture.App.CreateClientFor(Minghui, DemoData.Password, allowAutoRedirect: false);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/requests")]
    [InlineData("/reception")]
    [InlineData("/admin")]
    public async Task AnonymousVisitorsAreSentToSignIn(string path)
    {
        using var client = fixture.App.CreateHttpClient(allowAutoRedirect: false);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
