using System.Net;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Two stations scan the same sample at the same moment: one receives it, the other is told, nothing is doubled.</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentScans(AppFixture fixture)
{
    [Fact]
    public async Task TwoStationsReceivingOneSampleAtOnceReceiveItOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
            using var a = ScannerTestData.Station(fixture);
            using var b = ScannerTestData.Station(fixture);

            var results = await Task.WhenAll(
                ScannerTestData.ScanAsync(a, new { barcode = barcodes[0], station = "desk A", action = "receive" }),
                ScannerTestData.ScanAsync(b, new { barcode = barcodes[0], station = "desk B", action = "receive" }));

            Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
            using var get = ScannerTestData.Station(fixture);
            var state = await ApiTestClient.JsonAsync(await get.GetAsync($"/api/v1/samples/{barcodes[0]}"));
            Assert.Equal("Received", state.GetProperty("status").GetString());
            Assert.Single(state.GetProperty("custody").EnumerateArray(), e => e.GetProperty("action").GetString() == "Received");
        }
    }
}
