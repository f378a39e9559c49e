using System.Net;
using System.Text.Json;

namespace LabLims.Bench;

/// <summary>The booking and scanner API as an ERP or scan station calls it.</summary>
public static class Api
{
    /// <summary>The demo enterprise key (README, demo API keys): 晋江明辉伞业有限公司's ERP.</summary>
    public const string EnterpriseKey = Lab.Data.Seed.DemoData.MinghuiApiKey;
    /// <summary>The demo station key (README, demo API keys): the scan station at reception.</summary>
    public const string StationKey = Lab.Data.Seed.DemoData.ReceptionStationKey;

    public static HttpClient Client(string baseAddress, string key, int connections = 1) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(baseAddress),
            DefaultRequestHeaders = { { "X-Api-Key", key }, { "Accept-Language", "en" } },
        };

    /// <summary>A request of <paramref name="samples"/> umbrellas, each for frame strength, wind resistance and open/close cycles.</summary>
    public static byte[] BookingBody(int samples = 10)
    {
        var body = new
        {
            samples = Enumerable.Range(1, samples).Select(i => new
            {
                name = $"直杆晴雨伞 27 寸 #{i}",
                model = $"MH-L27-{i:00}",
                brand = "明辉",
                batch = "2026-11",
                quantity = 3, // UMB-FRAME, UMB-WIND and UMB-OC take one umbrella each
                methods = new[] { "UMB-FRAME", "UMB-WIND", "UMB-OC" },
            }),
            reportLanguage = "bilingual",
            decisionRule = "simple",
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    public static ByteArrayContent Json(byte[] body) =>
        new(body) { Headers = { ContentType = new("application/json") } };

    /// <summary>Books one request and answers its number and barcodes; throws on anything but 201.</summary>
    public static async Task<(string Number, List<string> Barcodes)> BookAsync(HttpClient client, byte[] body)
    {
        using var response = await client.PostAsync("/api/v1/requests", Json(body));
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Booking answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var number = json.RootElement.GetProperty("number").GetString()!;
        var barcodes = json.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("barcode").GetString()!).ToList();
        return (number, barcodes);
    }

    /// <summary>GET /api/v1/samples/{barcode}: the sample's state; throws unless it is 200 and names the barcode.</summary>
    public static async Task<string> LookUpAsync(HttpClient client, string barcode)
    {
        using var response = await client.GetAsync($"/api/v1/samples/{barcode}");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(barcode, StringComparison.Ordinal))
            throw new InvalidOperationException($"GET /api/v1/samples/{barcode} answered {Describe(response, body)}");
        return body;
    }

    public static string Describe(HttpResponseMessage response, string body) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] + "…" : body)}";
}
