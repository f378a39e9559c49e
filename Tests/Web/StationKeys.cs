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
/// The lab's own API keys at /admin/api-keys: only an Admin issues them, only of the station and instrument kinds,
/// stored hashed; an instrument key reads samples but cannot scan.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class StationKeys(AppFixture fixture)
{
    private const string Admin = "admin@lablims.test";

    [Theory]
    [InlineData("reception@lablims.test")]
    [InlineData("client@minghui-umbrella.test")]
    public async Task OnlyAnAdminManagesStationKeys(string email)
    {
        using var portal = await fixture.App.CreateClientFor(email, DemoData.Password, allowAutoRedirect: false);

        using var response = await portal.GetAsync("/admin/api-keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstrumentKeyIsStoredHashedReadsSamplesAndCannotScan()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var portal = await fixture.App.CreateClientFor(Admin, DemoData.Password);
        var name = $"万能试验机 {Guid.NewGuid():N}"[..14];

        var page = await portal.GetStringAsync("/admin/api-keys");
        using var created = await portal.PostAsync("/admin/api-keys", Form(page, ("Kind", "Instrument"), ("Name", $"  {name} ")));
        var html = await created.Content.ReadAsStringAsync();

        var match = NewKey().Match(html);
        Assert.True(match.Success, "The new key is not shown after creating it.");
        var secret = match.Groups["key"].Value;
        var key = await ApiTestClient.KeyAsync(fixture, int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ApiKeyKind.Instrument, key.Kind);
        Assert.Equal(name, key.Name);
        Assert.Null(key.EnterpriseId);
        Assert.Equal(Admin, key.CreatedBy);
        Assert.Equal(ApiKey.HashOf(secret), key.Hash);
        Assert.StartsWith(key.Prefix, secret, StringComparison.Ordinal);

        using var api = ApiTestClient.For(fixture, secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "x", action = "lookup" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/requests")).StatusCode);
    }

    [Theory]
    [InlineData("Enterprise", "station")]
    [InlineData("Station", "   ")]
    public async Task AnEnterpriseKindOrNoNameIsRefused(string kind, string name)
    {
        using var portal = await fixture.App.CreateClientFor(Admin, DemoData.Password);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var before = await db.ApiKeys.CountAsync();

        var page = await portal.GetStringAsync("/admin/api-keys");
        using var response = await portal.PostAsync("/admin/api-keys", Form(page, ("Kind", kind), ("Name", name)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"station-key-(kind|name)-error\"", html);
        Assert.DoesNotContain("data-testid=\"new-station-key\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task ARevokedStationKeyIsRefusedAtTheNextRequestThoughItWasJustUsed()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Station, null, $"desk {Guid.NewGuid():N}"[..13]);
        using var api = ApiTestClient.For(fixture, secret);
        // Used over and over a moment ago: the app remembers the key instead of reading it each time.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/samples/{barcodes[0]}")).StatusCode);

        using var portal = await fixture.App.CreateClientFor(Admin, DemoData.Password);
        using var revoked = await portal.PostAsync($"/admin/api-keys/{id}/revoke", Form(await portal.GetStringAsync("/admin/api-keys")));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        using var refused = await api.GetAsync($"/api/v1/samples/{barcodes[0]}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "desk", action = "receive" })).StatusCode);
        Assert.NotNull((await ApiTestClient.KeyAsync(fixture, id)).RevokedAt);
    }

    [Fact]
    public async Task AnEnterprisesKeyCannotBeRevokedHere()
    {
        var (secret, id) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, await ApiTestClient.MinghuiIdAsync(fixture));
        using var portal = await fixture.App.CreateClientFor(Admin, DemoData.Password, allowAutoRedirect: false);

        var page = await portal.GetStringAsync("/admin/api-keys");
        Assert.DoesNotContain(secret[..12], page, StringComparison.Ordinal);
        using var response = await portal.PostAsync($"/admin/api-keys/{id}/revoke", Form(page));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await ApiTestClient.KeyAsync(fixture, id)).RevokedAt);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var token = LabAppFactory.AntiforgeryToken(page) ?? throw new InvalidOperationException("The page has no antiforgery token.");
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    [GeneratedRegex("value=\"(?<key>llk_[0-9A-Za-z]{40})\" data-testid=\"new-station-key\" data-api-key-id=\"(?<id>[0-9]+)\"")]
    private static partial Regex NewKey();
}
