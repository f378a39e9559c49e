using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Barcodes;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Labels as the enterprise, reception and scan devices download them; each decodes to the sample's code.</summary>
[Collection(AppCollection.Name)]
public sealed class LabelDownloads(AppFixture fixture)
{
    private async Task<(string Number, string Barcode, string OtherNumber, string OtherBarcode)> MinghuiRequestAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var enterprises = await db.Enterprises.ToListAsync();
        var minghui = enterprises.Single(e => e.CreditCode.Value == DemoData.MinghuiCode).Id;
        var request = await db.TestRequests.Include(r => r.Samples).Where(r => r.EnterpriseId == minghui && r.Number != null)
            .OrderBy(r => r.Id).FirstAsync();
        var other = await db.TestRequests.Include(r => r.Samples).Where(r => r.EnterpriseId != minghui && r.Number != null).OrderBy(r => r.Id).FirstAsync();
        return (request.Number!, request.Samples[0].Barcode!, other.Number!, other.Samples[0].Barcode!);
    }

    [Fact]
    public async Task AnEnterprisePrintsItsOwnLabelsButNotAnothers()
    {
        var (number, barcode, other, otherBarcode) = await MinghuiRequestAsync();
        using var client = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        var folder = TestFolders.NewTemp("labels");

        var a4 = await client.GetAsync($"/requests/{number}/labels.pdf");
        Assert.Equal(HttpStatusCode.OK, a4.StatusCode);
        Assert.Equal("application/pdf", a4.Content.Headers.ContentType!.MediaType);
        var pdf = await a4.Content.ReadAsByteArrayAsync();
        Assert.Contains(barcode, ExternalTools.PdfToText(pdf, folder));
        Assert.Contains(ExternalTools.PdfToPngs(pdf, folder, 200).SelectMany(ExternalTools.Zbar), s => s.Data == barcode);

        var png = await client.GetByteArrayAsync($"/samples/{barcode}/label.png");
        Assert.Contains(ExternalTools.Zbar(png, folder, "label"), s => s.Data == barcode);
        Assert.Contains("^BC", await client.GetStringAsync($"/requests/{number}/labels.zpl"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/requests/{other}/labels.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/requests/{other}/labels.zpl")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/samples/{otherBarcode}/label.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/samples/{otherBarcode}/label.svg")).StatusCode);
        TestFolders.DeleteQuietly(folder);
    }

    [Fact]
    public async Task ScanDevicesGetLabelsByKeyAndEnterpriseKeysOnlyTheirOwn()
    {
        var (number, barcode, other, otherBarcode) = await MinghuiRequestAsync();
        using var station = ApiTestClient.For(fixture, DemoData.ReceptionStationKey);
        using var erp = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        using var anonymous = ApiTestClient.For(fixture, null);
        var folder = TestFolders.NewTemp("api-labels");

        var png = await station.GetAsync($"/api/v1/samples/{barcode}/label.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Contains(ExternalTools.Zbar(await png.Content.ReadAsByteArrayAsync(), folder, "api"), s => s.Data == barcode);
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync($"/api/v1/samples/{barcode}/label.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync($"/api/v1/requests/{number}/labels.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.GetAsync($"/api/v1/requests/{other}/labels.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await erp.GetAsync($"/api/v1/samples/{otherBarcode}/label.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync($"/api/v1/requests/{other}/labels.pdf?layout=thermal")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/requests/{number}/labels.pdf")).StatusCode);
        var typo = barcode[..^1] + (barcode[^1] == '0' ? '1' : '0');
        Assert.Equal((HttpStatusCode)422, (await station.GetAsync($"/api/v1/samples/{typo}/label.png")).StatusCode);
        TestFolders.DeleteQuietly(folder);
    }
}
