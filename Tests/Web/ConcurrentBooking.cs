using System.Net;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Several people (or ERPs) book at the same moment: nobody gets a conflict error, every number is distinct.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentBooking(AppFixture fixture)
{
    [Fact]
    public async Task TwentyBookingsSubmittedAtOnceAllSucceedWithDistinctNumbers()
    {
        const string body = """
            {"samples":[{"name":"晴雨伞","model":"C-1","quantity":2,"methods":["UMB-FRAME","UMB-WIND"]},
                        {"name":"伞面布","quantity":5,"methods":["TEX-HYD"]}],
             "reportLanguage":"zh","decisionRule":"simple"}
            """;
        using var start = new SemaphoreSlim(0);
        var clients = Enumerable.Range(0, 20).Select(_ => ApiTestClient.For(fixture, DemoData.MinghuiApiKey)).ToList();
        try
        {
            var tasks = clients.Select(async client =>
            {
                await start.WaitAsync();
                var response = await client.PostAsync("/api/v1/requests", ApiTestClient.Body(body));
                return (response.StatusCode, Json: await ApiTestClient.JsonAsync(response));
            }).ToList();
            start.Release(clients.Count);
            var results = await Task.WhenAll(tasks);

            Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var numbers = results.Select(r => r.Json.GetProperty("number").GetString()!).ToList();
            Assert.Equal(20, numbers.Distinct().Count());
            Assert.All(numbers, n => Assert.Matches(@"^WT\d{4}-\d{5}$", n));
            var barcodes = results.SelectMany(r => r.Json.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("barcode").GetString()!)).ToList();
            Assert.Equal(40, barcodes.Distinct().Count());
            Assert.All(barcodes, b => Assert.True(Numbers.IsValidSampleBarcode(b), b));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
