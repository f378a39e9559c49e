using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Barcodes;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class StorageLocations(AppFixture fixture)
{
    [Fact]
    public async Task AnAdminAddsALocationWhoseLabelScansAndSamplesMoveThere()
    {
        using var admin = await fixture.App.CreateClientFor("admin@lablims.test", DemoData.Password);
        var page = await admin.GetStringAsync("/admin/locations");
        var token = LabAppFactory.AntiforgeryToken(page[page.IndexOf("data-testid=\"new-location\"", StringComparison.Ordinal)..])!;
        var name = $"留样柜 {Guid.NewGuid():N}"[..12];
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["kind"] = "Cabinet", ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/admin/locations", form)).StatusCode);

        string barcode;
        using (var scope = fixture.App.Services.CreateScope())
            barcode = await scope.ServiceProvider.GetRequiredService<LabDbContext>().StorageLocations.Where(l => l.Name == name).Select(l => l.Barcode).SingleAsync();
        Assert.Equal(ScanKind.Location, Numbers.ReadScan(barcode).Kind);
        Assert.Contains(name, await admin.GetStringAsync("/admin/locations"));

        var folder = TestFolders.NewTemp("location-label");
        var png = await admin.GetByteArrayAsync($"/admin/locations/{barcode}/label.png");
        Assert.Contains(ExternalTools.Zbar(png, folder, "location"), s => s.Data == barcode);
        TestFolders.DeleteQuietly(folder);

        var (_, samples) = await ScannerTestData.BookForMinghuiAsync(fixture, 1);
        using var station = ScannerTestData.Station(fixture);
        Assert.Equal(HttpStatusCode.OK, (await ScannerTestData.ScanAsync(station, new { barcode = samples[0], station = "desk", action = "receive" })).StatusCode);
        var moved = await ScannerTestData.ScanAsync(station, new { barcode = samples[0], station = "desk", action = "move", location = barcode });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(barcode, (await ApiTestClient.JsonAsync(moved)).GetProperty("location").GetString());
    }

    [Fact]
    public async Task OnlyAnAdminAddsLocations()
    {
        using var reception = await fixture.App.CreateClientFor("reception@lablims.test", DemoData.Password, allowAutoRedirect: false);
        var page = await reception.GetStringAsync("/admin/locations");
        Assert.DoesNotContain("data-testid=\"new-location\"", page, StringComparison.Ordinal);
        var token = LabAppFactory.AntiforgeryToken(page)!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x", ["kind"] = "Room", ["__RequestVerificationToken"] = token });
        var response = await reception.PostAsync("/admin/locations", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
