using System.Net;
using System.Text;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// Whatever a scan device sends to POST /api/v1/scans, the answer is a 400 naming each bad field (or 413 for a body
/// far too large): never a 500, never a framework message with .NET types, and the sample is not touched.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScannerApiBadInput(AppFixture fixture)
{
    private const string Json = "application/json";

    /// <summary>A bad body; "{B}" in it stands for the barcode of a sample that is expected (so a good scan would receive it).</summary>
    private sealed record Case(string? ContentType, string Body, HttpStatusCode Status, params string[] Fields);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty body"] = new(Json, "", HttpStatusCode.BadRequest, "body"),
        ["malformed JSON"] = new(Json, """{"barcode":"{B}",""", HttpStatusCode.BadRequest, "body"),
        ["single quotes"] = new(Json, "{'barcode':'{B}'}", HttpStatusCode.BadRequest, "body"),
        ["trailing garbage"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive"} x""", HttpStatusCode.BadRequest, "body"),
        ["JSON null"] = new(Json, "null", HttpStatusCode.BadRequest, "body"),
        ["an array"] = new(Json, """[{"barcode":"{B}","station":"desk","action":"receive"}]""", HttpStatusCode.BadRequest, "body"),
        ["just the barcode"] = new(Json, "\"{B}\"", HttpStatusCode.BadRequest, "body"),
        ["nested 1000 deep"] = new(Json, $$"""{"barcode":"{B}","station":"desk","action":"receive","note":{{new string('[', 1000)}}{{new string(']', 1000)}}}""", HttpStatusCode.BadRequest, "body"),
        ["an empty object"] = new(Json, "{}", HttpStatusCode.BadRequest, "barcode", "station", "action"),
        ["no barcode"] = new(Json, """{"station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["blank barcode"] = new(Json, """{"barcode":"  ","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode null"] = new(Json, """{"barcode":null,"station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode a number"] = new(Json, """{"barcode":2026000123,"station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode a list"] = new(Json, """{"barcode":["{B}"],"station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode an object"] = new(Json, """{"barcode":{"code":"{B}"},"station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode a lone surrogate"] = new(Json, """{"barcode":"\ud800","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["barcode of 10 KB"] = new(Json, $$"""{"barcode":"{{new string('S', 10_000)}}","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "barcode"),
        ["no station"] = new(Json, """{"barcode":"{B}","action":"receive"}""", HttpStatusCode.BadRequest, "station"),
        ["blank station"] = new(Json, """{"barcode":"{B}","station":"","action":"receive"}""", HttpStatusCode.BadRequest, "station"),
        ["station a number"] = new(Json, """{"barcode":"{B}","station":1,"action":"receive"}""", HttpStatusCode.BadRequest, "station"),
        ["station too long"] = new(Json, $$"""{"barcode":"{B}","station":"{{new string('s', 101)}}","action":"receive"}""", HttpStatusCode.BadRequest, "station"),
        ["no action"] = new(Json, """{"barcode":"{B}","station":"desk"}""", HttpStatusCode.BadRequest, "action"),
        ["action null"] = new(Json, """{"barcode":"{B}","station":"desk","action":null}""", HttpStatusCode.BadRequest, "action"),
        ["unknown action"] = new(Json, """{"barcode":"{B}","station":"desk","action":"steal"}""", HttpStatusCode.BadRequest, "action"),
        ["action a number"] = new(Json, """{"barcode":"{B}","station":"desk","action":1}""", HttpStatusCode.BadRequest, "action"),
        ["action \"1\""] = new(Json, """{"barcode":"{B}","station":"desk","action":"1"}""", HttpStatusCode.BadRequest, "action"),
        ["action a list"] = new(Json, """{"barcode":"{B}","station":"desk","action":["receive"]}""", HttpStatusCode.BadRequest, "action"),
        ["action divide (not over the API)"] = new(Json, """{"barcode":"{B}","station":"desk","action":"divide"}""", HttpStatusCode.BadRequest, "action"),
        ["quantity as text"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":"two"}""", HttpStatusCode.BadRequest, "quantity"),
        ["quantity -1"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":-1}""", HttpStatusCode.BadRequest, "quantity"),
        ["quantity 2.5"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":2.5}""", HttpStatusCode.BadRequest, "quantity"),
        ["quantity 1e300"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":1e300}""", HttpStatusCode.BadRequest, "quantity"),
        ["quantity 10001"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":10001}""", HttpStatusCode.BadRequest, "quantity"),
        ["quantity true"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","quantity":true}""", HttpStatusCode.BadRequest, "quantity"),
        ["unknown condition"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","condition":"wet"}""", HttpStatusCode.BadRequest, "condition"),
        ["condition a number"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","condition":0}""", HttpStatusCode.BadRequest, "condition"),
        ["damaged without a note"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","condition":"damaged"}""", HttpStatusCode.BadRequest, "note"),
        ["unlabelled with a blank note"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","condition":"unlabelled","note":" "}""", HttpStatusCode.BadRequest, "note"),
        ["note an object"] = new(Json, """{"barcode":"{B}","station":"desk","action":"receive","note":{"text":"x"}}""", HttpStatusCode.BadRequest, "note"),
        ["note too long"] = new(Json, $$"""{"barcode":"{B}","station":"desk","action":"receive","condition":"other","note":"{{new string('n', 1001)}}"}""", HttpStatusCode.BadRequest, "note"),
        ["move without a location"] = new(Json, """{"barcode":"{B}","station":"desk","action":"move"}""", HttpStatusCode.BadRequest, "location"),
        ["move to a blank location"] = new(Json, """{"barcode":"{B}","station":"desk","action":"move","location":""}""", HttpStatusCode.BadRequest, "location"),
        ["location a number"] = new(Json, """{"barcode":"{B}","station":"desk","action":"move","location":2}""", HttpStatusCode.BadRequest, "location"),
        ["location too long"] = new(Json, $$"""{"barcode":"{B}","station":"desk","action":"move","location":"{{new string('L', 200)}}"}""", HttpStatusCode.BadRequest, "location"),
        ["many errors at once"] = new(Json, """{"barcode":7,"station":null,"action":"fly","quantity":"x","condition":"wet"}""", HttpStatusCode.BadRequest,
            "barcode", "station", "action", "quantity", "condition"),
        ["text/plain"] = new("text/plain", """{"barcode":"{B}","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "Content-Type"),
        ["a form"] = new("application/x-www-form-urlencoded", "barcode={B}&station=desk&action=receive", HttpStatusCode.BadRequest, "Content-Type"),
        ["no content type"] = new(null, """{"barcode":"{B}","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "Content-Type"),
        ["charset GBK"] = new("application/json; charset=gbk", """{"barcode":"{B}","station":"desk","action":"receive"}""", HttpStatusCode.BadRequest, "Content-Type"),
        ["100 KB"] = new(Json, $$"""{"barcode":"{B}","station":"desk","action":"receive","note":"{{new string('n', 100_000)}}"}""", HttpStatusCode.RequestEntityTooLarge),
    };

    /// <summary>One expected sample for every case (the collection runs one test at a time): none may receive it.</summary>
    private static Task<(string Number, string[] Barcodes)>? _booked;

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadBodiesAreRefusedNamingTheField(string name)
    {
        var (_, barcodes) = await (_booked ??= ScannerTestData.BookForMinghuiAsync(fixture));
        using var api = ScannerTestData.Station(fixture);

        using var response = await SendAsync(api, Cases[name], barcodes[0]);

        var c = Cases[name];
        Assert.True(c.Status == response.StatusCode, $"{name}: expected {(int)c.Status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", text, StringComparison.Ordinal);
        var problem = await ApiTestClient.JsonAsync(response);
        Assert.Equal((int)c.Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (c.Fields.Length > 0)
        {
            var errors = problem.GetProperty("errors");
            Assert.Equal(c.Fields.Order(), errors.EnumerateObject().Select(p => p.Name).Order());
            Assert.All(errors.EnumerateObject(), e => Assert.All(e.Value.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString()))));
        }
        await AssertUntouchedAsync(barcodes[0]);
    }

    [Fact]
    public async Task TheMessagesFollowAcceptLanguage()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var zh = ScannerTestData.Station(fixture, null);
        using var en = ScannerTestData.Station(fixture, "en");
        var body = Cases["move without a location"];

        var chinese = (await ApiTestClient.JsonAsync(await SendAsync(zh, body, barcodes[0]))).GetProperty("errors").GetProperty("location")[0].GetString();
        var english = (await ApiTestClient.JsonAsync(await SendAsync(en, body, barcodes[0]))).GetProperty("errors").GetProperty("location")[0].GetString();

        Assert.Equal("移动样品时，请在 location 中提供存放位置的条码（如 L-0002-8）。", chinese);
        Assert.Equal("To move, send the storage location's barcode in location (such as L-0002-8).", english);
    }

    [Fact]
    public async Task InvalidUtf8IsA400()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ScannerTestData.Station(fixture);
        var bytes = Encoding.UTF8.GetBytes($$"""{"barcode":"{{barcodes[0]}}","station":"desk","action":"receive"}""").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'{') + 1, new byte[] { 0xC3, 0x28, 0xFF });
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new(Json);

        using var response = await api.PostAsync("/api/v1/scans", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiTestClient.JsonAsync(response)).GetProperty("errors").TryGetProperty("body", out _));
        await AssertUntouchedAsync(barcodes[0]);
    }

    [Fact]
    public async Task UnknownFieldsAreIgnoredAndWordsMayBeAnyCase()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 2);
        using var api = ScannerTestData.Station(fixture);

        using var response = await api.PostAsync("/api/v1/scans", ApiTestClient.Body(
            $$$"""{"Barcode":" {{{barcodes[0].ToLowerInvariant()}}} ","STATION":"desk","action":"Receive","condition":"WRONGQUANTITY","quantity":1.0,"note":"one missing","scanner":{"model":"DS2208"}}""",
            "application/json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await ApiTestClient.JsonAsync(response);
        Assert.Equal("Received", state.GetProperty("status").GetString());
        Assert.Equal("WrongQuantity", state.GetProperty("condition").GetString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, Case c, string barcode) =>
        api.PostAsync("/api/v1/scans", ApiTestClient.Body(c.Body.Replace("{B}", barcode, StringComparison.Ordinal), c.ContentType));

    private async Task AssertUntouchedAsync(string barcode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var sample = await db.Samples.AsNoTracking().SingleAsync(s => s.Barcode == barcode);
        Assert.Equal(SampleStatus.Expected, sample.Status);
        Assert.False(await db.CustodyEvents.AnyAsync(e => e.SampleId == sample.Id));
    }
}
