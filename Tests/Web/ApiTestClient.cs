using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>What the API tests share: clients that send a key, keys made straight in the database, JSON bodies.</summary>
internal static class ApiTestClient
{
    /// <summary>A client over real HTTP that sends <paramref name="key"/> as X-Api-Key (none when null).</summary>
    public static HttpClient For(AppFixture fixture, string? key, string? acceptLanguage = null)
    {
        var client = fixture.App.CreateHttpClient(allowAutoRedirect: false);
        if (key is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        if (acceptLanguage is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return client;
    }

    public static ByteArrayContent Body(string text, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<int> EnterpriseIdAsync(AppFixture fixture, string creditCode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var code = CreditCode.Parse(creditCode);
        return await db.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
    }

    /// <summary>A new active key made directly in the database; returns the secret and the key's id.</summary>
    public static async Task<(string Secret, int Id)> AddKeyAsync(AppFixture fixture, ApiKeyKind kind, int? enterpriseId, string name = "test key")
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var secret = ApiKey.NewSecret();
        var key = new ApiKey
        {
            Kind = kind,
            Name = name,
            Prefix = secret[..12],
            Hash = ApiKey.HashOf(secret),
            EnterpriseId = enterpriseId,
            CreatedBy = "admin@lablims.test",
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (secret, key.Id);
    }

    public static async Task<ApiKey> KeyAsync(AppFixture fixture, int id)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
    }

    public static async Task<int> MinghuiIdAsync(AppFixture fixture) => await EnterpriseIdAsync(fixture, DemoData.MinghuiCode);
}
