using System.Net;

namespace LabLims.Bench;

/// <summary>
/// The app's barcode lookup over HTTP: GET /api/v1/samples/{barcode} (the scanner API) with the station key, or with
/// an enterprise key for its own samples. A build without the scanner API falls back to what exists, GET
/// /api/v1/requests/{number}, and says so.
/// </summary>
public sealed record LookupEndpoint(string Key, string Description, bool IsScanEndpoint, Func<string, string, string> Path)
{
    public static async Task<LookupEndpoint> FindAsync(string baseAddress, string barcode, string number, params (string Name, string Key)[] keys)
    {
        foreach (var (name, key) in keys)
        {
            using var client = Api.Client(baseAddress, key);
            using var response = await client.GetAsync($"/api/v1/samples/{barcode}");
            if (response.StatusCode == HttpStatusCode.OK)
                return new(key, $"GET /api/v1/samples/{{barcode}} ({name} key)", true, (b, _) => $"/api/v1/samples/{b}");
        }
        var enterpriseKey = keys.First(k => k.Key == Api.EnterpriseKey).Key;
        using (var client = Api.Client(baseAddress, enterpriseKey))
        using (var response = await client.GetAsync($"/api/v1/requests/{number}"))
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"Neither the scanner API nor GET /api/v1/requests/{{number}} answers: {(int)response.StatusCode}");
        }
        Console.WriteLine("note: GET /api/v1/samples/{barcode} is not in this build of the app (the scanner API is not merged); " +
            "measuring GET /api/v1/requests/{number} instead.");
        return new(enterpriseKey, "GET /api/v1/requests/{number} (fallback: no scanner API in this build)", false, (_, n) => $"/api/v1/requests/{n}");
    }
}
