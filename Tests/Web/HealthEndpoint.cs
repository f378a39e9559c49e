using System.Net;
using System.Text.Json;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class HealthEndpoint(AppFixture fixture)
{
    [Fact]
    public async Task ReportsHealthyWithItsDatabaseAndJobChecks()
    {
        using var client = fixture.App.CreateHttpClient();

        // The job server registers itself a moment after start-up; until then "jobs" is Degraded.
        var (status, mediaType, body) = await GetHealthAsync(client);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (body.GetProperty("status").GetString() != "Healthy" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            (status, mediaType, body) = await GetHealthAsync(client);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("jobs").GetProperty("data").GetProperty("servers").GetInt32() >= 1);
    }

    private static async Task<(HttpStatusCode, string?, JsonElement)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var json = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(json);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, doc.RootElement.Clone());
    }
}
