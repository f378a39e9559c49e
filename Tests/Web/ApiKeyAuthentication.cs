using System.Net;
using System.Text.RegularExpressions;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// Keys for the booking API: an enterprise's client user creates them in the portal (shown once, stored hashed) and
/// revokes them; the API admits a request only with an active key in X-Api-Key, and an enterprise key only for
/// the enterprise endpoints.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ApiKeyAuthentication(AppFixture fixture)
{
    private const string Minghui = "client@minghui-umbrella.test";
    private const string Haixi = "client@haixi-shoes.test";

    [Fact]
    public async Task ASignedInUsersCookieNeitherOpensNorChangesAKeyOnlyEndpoint()
    {
        // Key-only endpoints skip reading the cookie (their key policies replace its principal anyway): a signed-in
        // person without a key is still 401 there, with a key the key decides, and the pages still know who is signed in.
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var staff = await fixture.App.CreateClientFor("reception@lablims.test", DemoData.Password, allowAutoRedirect: false);
        var keyOnly = fixture.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Where(global::Web.Api.ApiKeyDefaults.AdmitsKeysOnly)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToList();
        Assert.Contains("api/v1/samples/{barcode}", keyOnly);
        Assert.Contains("api/v1/scans", keyOnly);
        Assert.DoesNotContain(keyOnly, t => !t.StartsWith("api/", StringComparison.Ordinal));

        using var withoutKey = await staff.GetAsync($"/api/v1/samples/{barcodes[0]}");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        using var scanWithoutKey = await staff.PostAsync("/api/v1/scans", ApiTestClient.Body($"{{\"barcode\":\"{barcodes[0]}\",\"station\":\"desk\",\"action\":\"lookup\"}}"));
        Assert.Equal(HttpStatusCode.Unauthorized, scanWithoutKey.StatusCode);

        staff.DefaultRequestHeaders.Add("X-Api-Key", DemoData.MinghuiApiKey);
        using var enterpriseKey = await staff.PostAsync("/api/v1/scans", ApiTestClient.Body($"{{\"barcode\":\"{barcodes[0]}\",\"station\":\"desk\",\"action\":\"lookup\"}}"));
        Assert.Equal(HttpStatusCode.Forbidden, enterpriseKey.StatusCode); // the key's kind, not the staff cookie
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/scan")).StatusCode); // a page: the cookie still signs in
    }

    [Fact]
    public async Task AKeyCreatedInThePortalIsShownOnceWorksAndIs401AfterRevoke()
    {
        using var portal = await fixture.App.CreateClientFor(Minghui, DemoData.Password);
        var name = $"ERP {Guid.NewGuid():N}"[..20];

        var page = await portal.GetStringAsync("/account/api-keys");
        using var created = await portal.PostAsync("/account/api-keys", Form(page, ("Name", name)));
        var shown = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var match = NewKey().Match(shown);
        Assert.True(match.Success, "The new key is not shown after creating it.");
        var secret = match.Groups["key"].Value;
        var id = int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Stored hashed, for this enterprise, as an enterprise key; the secret itself is nowhere in the database row.
        var key = await ApiTestClient.KeyAsync(fixture, id);
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
        Assert.Equal(ApiKeyKind.Enterprise, key.Kind);
        Assert.Equal(await ApiTestClient.MinghuiIdAsync(fixture), key.EnterpriseId);
        Assert.Equal(name, key.Name);
        Assert.Equal(Minghui, key.CreatedBy);
        Assert.DoesNotContain(secret, key.Hash + key.Prefix + key.Name, StringComparison.Ordinal);
        Assert.StartsWith(key.Prefix, secret, StringComparison.Ordinal);

        // The key works.
        using (var api = ApiTestClient.For(fixture, secret))
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/requests")).StatusCode);

        // Shown once: the page shows only its prefix from now on.
        var again = await portal.GetStringAsync("/account/api-keys");
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-api-key\"", again, StringComparison.Ordinal);
        Assert.Contains($"data-api-key=\"{id}\" data-api-key-status=\"active\"", again, StringComparison.Ordinal);
        Assert.Contains(key.Prefix + "…", again, StringComparison.Ordinal);

        // Revoked with the button (POST + antiforgery): the API refuses it at once.
        using var revoked = await portal.PostAsync($"/account/api-keys/{id}/revoke", Form(again));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains($"data-api-key=\"{id}\" data-api-key-status=\"revoked\"", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var api = ApiTestClient.For(fixture, secret))
        {
            var refused = await api.GetAsync("/api/v1/requests");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.NotNull((await ApiTestClient.KeyAsync(fixture, id)).RevokedAt);
        Assert.Equal(Minghui, (await ApiTestClient.KeyAsync(fixture, id)).RevokedBy);
    }

    [Fact]
    public async Task RevokingWithoutTheAntiforgeryTokenIsRefused()
    {
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, await ApiTestClient.MinghuiIdAsync(fixture));
        using var portal = await fixture.App.CreateClientFor(Minghui, DemoData.Password, allowAutoRedirect: false);

        using var response = await portal.PostAsync($"/account/api-keys/{id}/revoke", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await ApiTestClient.KeyAsync(fixture, id)).RevokedAt);
        using var api = ApiTestClient.For(fixture, secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/methods")).StatusCode);
    }

    [Fact]
    public async Task AnotherEnterprisesKeyIsNeitherListedNorRevocable()
    {
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, await ApiTestClient.MinghuiIdAsync(fixture));
        using var portal = await fixture.App.CreateClientFor(Haixi, DemoData.Password, allowAutoRedirect: false);

        var page = await portal.GetStringAsync("/account/api-keys");
        Assert.DoesNotContain($"data-api-key=\"{id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..12], page, StringComparison.Ordinal);
        using var response = await portal.PostAsync($"/account/api-keys/{id}/revoke", Form(page));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await ApiTestClient.KeyAsync(fixture, id)).RevokedAt);
    }

    [Theory]
    [InlineData("reception@lablims.test")]
    [InlineData("admin@lablims.test")]
    public async Task StaffHaveNoEnterpriseKeysPage(string email)
    {
        using var portal = await fixture.App.CreateClientFor(email, DemoData.Password, allowAutoRedirect: false);

        using var response = await portal.GetAsync("/account/api-keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyNeedsAName()
    {
        using var portal = await fixture.App.CreateClientFor(Minghui, DemoData.Password);
        var page = await portal.GetStringAsync("/account/api-keys");

        using var response = await portal.PostAsync("/account/api-keys", Form(page, ("Name", "   ")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"api-key-name-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-api-key\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?> MissingOrWrongKeys => new()
    {
        { "no header", null },
        { "empty", "" },
        { "unknown", "llk_" + new string('x', 40) },
        { "almost the demo key", DemoData.MinghuiApiKey[..^1] + "1" },
        { "far too long", "llk_" + new string('a', 5000) },
        { "padded unknown", "  llk_unknown  " },
    };

    [Theory]
    [MemberData(nameof(MissingOrWrongKeys))]
    public async Task NoKeyOrAWrongKeyIs401WithProblemDetails(string why, string? key)
    {
        using var api = ApiTestClient.For(fixture, key);

        foreach (var path in new[] { "/api/v1/methods", "/api/v1/requests", "/api/v1/requests/WT2026-00001" })
        {
            using var response = await api.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {path} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            var problem = await ApiTestClient.JsonAsync(response);
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        }
        using var post = await api.PostAsync("/api/v1/requests", ApiTestClient.Body("""{"samples":[]}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Theory]
    [InlineData(null, "请在 X-Api-Key 请求头中提供 API 密钥。")]
    [InlineData("en-US,en;q=0.9", "Send your API key in the X-Api-Key header.")]
    public async Task The401SaysWhatIsWrongInTheCallersLanguage(string? language, string missing)
    {
        using var none = ApiTestClient.For(fixture, null, language);
        using var wrong = ApiTestClient.For(fixture, "llk_wrong", language);

        var noKey = await ApiTestClient.JsonAsync(await none.GetAsync("/api/v1/methods"));
        var wrongKey = await ApiTestClient.JsonAsync(await wrong.GetAsync("/api/v1/methods"));

        Assert.Equal(missing, noKey.GetProperty("title").GetString());
        Assert.NotEqual(missing, wrongKey.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ASignedInPortalSessionIsNoKey()
    {
        using var portal = await fixture.App.CreateClientFor(Minghui, DemoData.Password, allowAutoRedirect: false);

        using var response = await portal.GetAsync("/api/v1/requests");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(ApiKeyKind.Station)]
    [InlineData(ApiKeyKind.Instrument)]
    public async Task AStationOrInstrumentKeyAuthenticatesButIs403OnTheEnterpriseEndpoints(ApiKeyKind kind)
    {
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, kind, null, $"{kind} 1");
        using var api = ApiTestClient.For(fixture, secret);

        foreach (var response in new[]
        {
            await api.GetAsync("/api/v1/methods"),
            await api.GetAsync("/api/v1/requests"),
            await api.GetAsync("/api/v1/requests/WT2026-00001"),
            await api.PostAsync("/api/v1/requests", ApiTestClient.Body("""{"samples":[{"name":"x","quantity":1,"methods":["UMB-WIND"]}]}""")),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(403, (await ApiTestClient.JsonAsync(response)).GetProperty("status").GetInt32());
        }
        // It was recognised (authenticated), not refused as unknown.
        Assert.NotNull((await ApiTestClient.KeyAsync(fixture, id)).LastUsedAt);
    }

    [Fact]
    public async Task LastUseIsRecordedAtMostOnceAMinute()
    {
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, await ApiTestClient.MinghuiIdAsync(fixture));
        using var api = ApiTestClient.For(fixture, secret);
        Assert.Null((await ApiTestClient.KeyAsync(fixture, id)).LastUsedAt);

        await api.GetAsync("/api/v1/methods");
        var first = (await ApiTestClient.KeyAsync(fixture, id)).LastUsedAt;
        Assert.NotNull(first);
        Assert.InRange(first.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));

        // Within the minute: no write.
        var recent = DateTime.UtcNow.AddSeconds(-30);
        await SetLastUsedAsync(id, recent);
        await api.GetAsync("/api/v1/methods");
        Assert.Equal(recent, (await ApiTestClient.KeyAsync(fixture, id)).LastUsedAt!.Value, TimeSpan.FromMilliseconds(1));

        // A minute or more ago: recorded again.
        var old = DateTime.UtcNow.AddMinutes(-2);
        await SetLastUsedAsync(id, old);
        await api.GetAsync("/api/v1/methods");
        Assert.True((await ApiTestClient.KeyAsync(fixture, id)).LastUsedAt > old.AddMinutes(1));
    }

    [Fact]
    public async Task TheDemoKeyInTheReadmeWorks()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/methods")).StatusCode);
        var readme = await File.ReadAllTextAsync(Path.Combine(TestFolders.RepositoryRoot, "README.md"));
        Assert.Contains($"| {DemoData.MinghuiApiKeyName} | `{DemoData.MinghuiApiKey}` |", readme, StringComparison.Ordinal);
    }

    /// <summary>
    /// Changes the row behind the app's back, and lets the app forget the key it remembers (as it does after
    /// ApiKeyCache.Lifetime), so that the next request reads the row again.
    /// </summary>
    private async Task SetLastUsedAsync(int id, DateTime at)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at));
        var hash = await db.ApiKeys.Where(k => k.Id == id).Select(k => k.Hash).SingleAsync();
        fixture.App.Services.GetRequiredService<global::Web.Api.ApiKeyCache>().Forget(hash);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var token = LabAppFactory.AntiforgeryToken(page) ?? throw new InvalidOperationException("The page has no antiforgery token.");
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    [GeneratedRegex("value=\"(?<key>llk_[0-9A-Za-z]{40})\" data-testid=\"new-api-key\" data-api-key-id=\"(?<id>[0-9]+)\"")]
    private static partial Regex NewKey();
}
