using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// Every route a client can reach that names an object (a number, barcode or id) has an isolation test: an
/// enterprise asking for another's object gets 404. A new route fails this test until it gets one.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClientRoutesCovered(AppFixture fixture)
{
    /// <summary>Route templates proven to answer 404 for another enterprise's object, and the test that proves it.</summary>
    private static readonly Dictionary<string, string> Covered = new(StringComparer.OrdinalIgnoreCase)
    {
        ["requests/{number}"] = "ClientIsolation.AnotherEnterprisesRequestAnswers404LikeAnUnknownNumber",
        ["requests/draft/{id:int}"] = "ClientIsolation.AnotherEnterprisesDraftCannotBeOpenedChangedOrDeleted",
        ["requests/draft/{id:int}/delete"] = "ClientIsolation.AnotherEnterprisesDraftCannotBeOpenedChangedOrDeleted",
        ["requests/{number}/cancel"] = "ClientIsolation.AnotherEnterprisesRequestCannotBeCancelled",
        ["samples/{barcode}"] = "ClientRoutesCovered.AnotherEnterprisesSampleAnswers404",
        ["api/v1/requests/{number}"] = "BookingApi (another enterprise's number → 404)",
        ["requests/{number}/labels.pdf"] = "LabelDownloads.AnEnterprisePrintsItsOwnLabelsButNotAnothers",
        ["requests/{number}/labels.zpl"] = "LabelDownloads.AnEnterprisePrintsItsOwnLabelsButNotAnothers",
        ["samples/{barcode}/label.{format:regex(^(png|svg)$)}"] = "LabelDownloads.AnEnterprisePrintsItsOwnLabelsButNotAnothers",
        ["api/v1/samples/{barcode}/label.png"] = "LabelDownloads.ScanDevicesGetLabelsByKeyAndEnterpriseKeysOnlyTheirOwn",
        ["api/v1/requests/{number}/labels.pdf"] = "LabelDownloads.ScanDevicesGetLabelsByKeyAndEnterpriseKeysOnlyTheirOwn",
        ["api/v1/samples/{barcode}"] = "ScannerApi.ASampleIsReadByItsOwnEnterpriseAndTheLabsKeysButIs404ForAnotherEnterprise",
        ["reports/{number}.pdf"] = "ReportDownloads.AnEnterpriseDownloadsItsOwnReportButNotAnothers",
        ["api/v1/reports/{number}.pdf"] = "ReportsApi.AnEnterpriseKeyDownloadsItsOwnReportExactlyAsStoredAndAnothersIs404",
    };

    [Fact]
    public void EveryClientRouteWithAnIdentifierHasAnIsolationTest()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var clientRoutes = endpoints
            .Where(e => e.RoutePattern.Parameters.Any())
            .Where(e =>
            {
                var authorize = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
                if (authorize.Count == 0 || e.Metadata.GetMetadata<IAllowAnonymous>() is not null) return false; // public pages hold nothing private
                // The lab's station endpoints refuse every enterprise key (RunApi.RunsThatCannotStartSayWhy checks the 403).
                if (authorize.Any(a => a.Policy == global::Web.Api.ApiKeyDefaults.StationPolicy)) return false;
                // Reachable by a client when no [Authorize] on it names roles that exclude clients.
                return authorize.All(a => string.IsNullOrEmpty(a.Roles) || a.Roles.Split(',').Contains("Client"));
            })
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(t => !t.StartsWith("account/", StringComparison.OrdinalIgnoreCase) || t.Contains('{', StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        var uncovered = clientRoutes.Where(t => !Covered.ContainsKey(t) && !IsCoveredElsewhere(t)).ToList();
        Assert.True(uncovered.Count == 0, "Client routes without an isolation test: " + string.Join(", ", uncovered));
    }

    /// <summary>Routes whose isolation lives in the account pages' own tests (EnterpriseIsolation) or that hold no enterprise data.</summary>
    private static bool IsCoveredElsewhere(string template) =>
        template.StartsWith("account/", StringComparison.OrdinalIgnoreCase) // team, contacts, api keys: EnterpriseIsolation and ApiKeyAuthentication
        || template.StartsWith("{controller", StringComparison.OrdinalIgnoreCase) // the conventional route: no data of its own
        || template.StartsWith("Home/", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task AnotherEnterprisesSampleAnswers404()
    {
        string minghuiSample;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var minghui = (await db.Enterprises.ToListAsync()).Single(e => e.CreditCode.Value == DemoData.MinghuiCode).Id;
            minghuiSample = await db.Samples.Where(s => s.Barcode != null && db.TestRequests.Any(r => r.Id == s.TestRequestId && r.EnterpriseId == minghui))
                .Select(s => s.Barcode!).FirstAsync();
        }
        using var owner = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        using var other = await fixture.App.CreateClientFor("client@haixi-shoes.test", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/samples/{minghuiSample}")).StatusCode);
        var response = await other.GetAsync($"/samples/{minghuiSample}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(minghuiSample, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
