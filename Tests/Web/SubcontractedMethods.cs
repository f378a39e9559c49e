using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Web;

/// <summary>Admin marks a method as performed by an external lab: the catalog says so and booking it needs the customer's consent.</summary>
[Collection(AppCollection.Name)]
public sealed class SubcontractedMethods(AppFixture fixture)
{
    private static async Task<HttpResponseMessage> SetAsync(HttpClient admin, string code, string laboratory)
    {
        var page = await admin.GetStringAsync("/catalog?family=UMB");
        var form = page[page.IndexOf($"/catalog/{code}/subcontractor", StringComparison.Ordinal)..];
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LabAppFactory.AntiforgeryToken(form)!,
            ["laboratory"] = laboratory,
        });
        return await admin.PostAsync($"/catalog/{code}/subcontractor", content);
    }

    [Fact]
    public async Task AdminSubcontractsAMethodTheCatalogShowsItAndBookingNeedsConsent()
    {
        using var admin = await fixture.App.CreateClientFor("admin@lablims.test", DemoData.Password);
        try
        {
            var saved = await SetAsync(admin, "UMB-AZO", "福建某合作检测实验室");
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("UMB-AZO 现由 福建某合作检测实验室 分包检测", await saved.Content.ReadAsStringAsync());
            var catalog = await fixture.App.CreateHttpClient().GetStringAsync("/catalog?family=UMB");
            Assert.Contains("分包：福建某合作检测实验室", catalog);

            using var scope = fixture.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
            var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "晋江明辉伞业有限公司");
            var input = new BookingInput { Samples = [new SampleInput { Name = "分包测试伞", Quantity = 1, Methods = ["UMB-AZO"] }] };
            var draft = await booking.SaveDraftAsync(null, input, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
            var refused = await Assert.ThrowsAsync<DomainException>(() => booking.SubmitAsync(draft, enterprise));
            Assert.Equal("subcontracting-not-agreed", refused.Code);

            input.SubcontractingAllowed = true;
            draft = await booking.SaveDraftAsync(draft, input, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
            await booking.SubmitAsync(draft, enterprise);
            Assert.Equal("福建某合作检测实验室", draft.Analyses.Single().Subcontractor);
        }
        finally
        {
            var cleared = await SetAsync(admin, "UMB-AZO", "");
            Assert.Contains("UMB-AZO 恢复由本实验室检测", await cleared.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task OnlyAdminMaySubcontract()
    {
        using var reviewer = await fixture.App.CreateClientFor("reviewer@lablims.test", DemoData.Password, allowAutoRedirect: false);
        var page = await reviewer.GetStringAsync("/catalog?family=UMB");
        Assert.DoesNotContain("data-testid=\"subcontract-form\"", page, StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["laboratory"] = "x" });
        Assert.NotEqual(HttpStatusCode.OK, (await reviewer.PostAsync("/catalog/UMB-AZO/subcontractor", content)).StatusCode);
    }
}
