using System.Text.Json;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Web;

/// <summary>What the scanner API tests share: requests booked through the app's own booking service, scans, codes.</summary>
internal static class ScannerTestData
{
    /// <summary>
    /// An enterprise books and submits a request (as the portal and the booking API do), one sample per quantity, all
    /// expected; returns its number and the samples' barcodes in order.
    /// </summary>
    public static async Task<(string Number, string[] Barcodes)> BookAsync(AppFixture fixture, string creditCode, params int[] quantities)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var code = CreditCode.Parse(creditCode);
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.CreditCode == code);
        var input = new BookingInput
        {
            Samples = quantities.Select((q, i) => new SampleInput
            {
                Name = $"扫码 API 样品 {i + 1}", Model = $"SCAN-{i + 1}", Quantity = q, Description = "全新", Methods = ["UMB-WIND"],
            }).ToList(),
        };
        var request = await booking.SaveDraftAsync(null, input, enterprise, "client@test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        return (request.Number!, request.Samples.OrderBy(s => s.Id).Select(s => s.Barcode!).ToArray());
    }

    public static Task<(string Number, string[] Barcodes)> BookForMinghuiAsync(AppFixture fixture, params int[] quantities) =>
        BookAsync(fixture, DemoData.MinghuiCode, quantities.Length == 0 ? [1] : quantities);

    /// <summary>A client that sends the demo reception station's key.</summary>
    public static HttpClient Station(AppFixture fixture, string? acceptLanguage = "en") =>
        ApiTestClient.For(fixture, DemoData.ReceptionStationKey, acceptLanguage);

    public static Task<HttpResponseMessage> ScanAsync(HttpClient api, object scan) =>
        api.PostAsync("/api/v1/scans", ApiTestClient.Body(JsonSerializer.Serialize(scan)));

    /// <summary>The same code with another check character: what a misread or mistyped digit looks like to the check.</summary>
    public static string WithWrongCheck(string code)
    {
        var wrong = "0123456789X".First(c => c != code[^1]);
        var misread = code[..^1] + wrong;
        Assert.Equal(BarcodeProblem.WrongCheckCharacter, Numbers.ReadScan(misread).Problem);
        return misread;
    }

    /// <summary>A valid sample barcode no sample has (a year before the lab's first).</summary>
    public static string UnknownSampleBarcode => Numbers.SampleBarcode(2020, 999_999);

    public static string ReceptionDesk => Numbers.LocationBarcode(1);
    public static string ShelfA => Numbers.LocationBarcode(2);
}
