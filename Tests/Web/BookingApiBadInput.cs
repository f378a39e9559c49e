using System.Net;
using System.Text;
using System.Text.Json;
using Lab.Data;
using Lab.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// Whatever an ERP sends, the booking API answers with a clear status and ProblemDetails naming each bad field
/// (400), a refused key (401) or a too-large body (413): never a 500, never a framework message with .NET types,
/// and nothing is booked.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BookingApiBadInput(AppFixture fixture)
{
    private const string Json = "application/json";
    private const string Ok = """{"name":"伞","quantity":5,"methods":["UMB-WIND"]}""";

    private sealed record Case(string? ContentType, Func<string> Body, HttpStatusCode Status, params string[] Fields);

    private static string One(string sample) => $$"""{"samples":[{{sample}}]}""";
    private static string Terms(string terms) => $$"""{"samples":[{{Ok}}],{{terms}}}""";
    private static string Samples(int count) => $$"""{"samples":[{{string.Join(",", Enumerable.Repeat("""{"name":"a","quantity":1,"methods":["UMB-WIND"]}""", count))}}]}""";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty body"] = new(Json, () => "", HttpStatusCode.BadRequest, "body"),
        ["only spaces"] = new(Json, () => "  \r\n ", HttpStatusCode.BadRequest, "body"),
        ["malformed JSON"] = new(Json, () => """{"samples": [""", HttpStatusCode.BadRequest, "body"),
        ["single quotes"] = new(Json, () => "{'samples': []}", HttpStatusCode.BadRequest, "body"),
        ["trailing garbage"] = new(Json, () => "{} {}", HttpStatusCode.BadRequest, "body"),
        ["JSON null"] = new(Json, () => "null", HttpStatusCode.BadRequest, "body"),
        ["an array"] = new(Json, () => $"[{Ok}]", HttpStatusCode.BadRequest, "body"),
        ["a string"] = new(Json, () => "\"book UMB-WIND\"", HttpStatusCode.BadRequest, "body"),
        ["a number"] = new(Json, () => "42", HttpStatusCode.BadRequest, "body"),
        ["nested 1000 deep"] = new(Json, () => $$"""{"notes":{{new string('[', 1000)}}{{new string(']', 1000)}}}""", HttpStatusCode.BadRequest, "body"),
        ["no samples field"] = new(Json, () => "{}", HttpStatusCode.BadRequest, "samples"),
        ["samples empty"] = new(Json, () => """{"samples":[]}""", HttpStatusCode.BadRequest, "samples"),
        ["samples null"] = new(Json, () => """{"samples":null}""", HttpStatusCode.BadRequest, "samples"),
        ["samples an object"] = new(Json, () => """{"samples":{}}""", HttpStatusCode.BadRequest, "samples"),
        ["samples a string"] = new(Json, () => """{"samples":"UMB-WIND"}""", HttpStatusCode.BadRequest, "samples"),
        ["a null sample"] = new(Json, () => $$"""{"samples":[{{Ok}},null]}""", HttpStatusCode.BadRequest, "samples[1]"),
        ["a sample that is a number"] = new(Json, () => """{"samples":[7]}""", HttpStatusCode.BadRequest, "samples[0]"),
        ["quantity as text"] = new(Json, () => One("""{"name":"伞","quantity":"three","methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity 1e300"] = new(Json, () => One("""{"name":"伞","quantity":1e300,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity -5"] = new(Json, () => One("""{"name":"伞","quantity":-5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity 0"] = new(Json, () => One("""{"name":"伞","quantity":0,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity 2147483648"] = new(Json, () => One("""{"name":"伞","quantity":2147483648,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity 2.5"] = new(Json, () => One("""{"name":"伞","quantity":2.5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity true"] = new(Json, () => One("""{"name":"伞","quantity":true,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity 10001"] = new(Json, () => One("""{"name":"伞","quantity":10001,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["quantity short for the method"] = new(Json, () => One("""{"name":"面料","quantity":1,"methods":["TEX-HYD"]}"""), HttpStatusCode.BadRequest, "samples[0].quantity"),
        ["no name"] = new(Json, () => One("""{"quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].name"),
        ["blank name"] = new(Json, () => One("""{"name":"   ","quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].name"),
        ["name a number"] = new(Json, () => One("""{"name":123,"quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].name"),
        ["name a lone surrogate"] = new(Json, () => One("""{"name":"\ud800","quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].name"),
        ["name of 1 MB"] = new(Json, () => One($$"""{"name":"{{new string('伞', 300_000)}}","quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].name"),
        ["model an object"] = new(Json, () => One("""{"name":"伞","model":{"x":1},"quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].model"),
        ["brand too long"] = new(Json, () => One($$"""{"name":"伞","brand":"{{new string('b', 101)}}","quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].brand"),
        ["description a list"] = new(Json, () => One("""{"name":"伞","description":["new"],"quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.BadRequest, "samples[0].description"),
        ["no methods"] = new(Json, () => One("""{"name":"伞","quantity":5}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["methods empty"] = new(Json, () => One("""{"name":"伞","quantity":5,"methods":[]}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["methods a string"] = new(Json, () => One("""{"name":"伞","quantity":5,"methods":"UMB-WIND"}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["a null method"] = new(Json, () => One("""{"name":"伞","quantity":5,"methods":["UMB-WIND",null]}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["a method that is a number"] = new(Json, () => One("""{"name":"伞","quantity":5,"methods":[42]}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["an unknown method"] = new(Json, () => One("""{"name":"伞","quantity":5,"methods":["UMB-NOPE"]}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["a thousand methods"] = new(Json, () => One($$"""{"name":"伞","quantity":5,"methods":[{{string.Join(",", Enumerable.Repeat("\"X\"", 1000))}}]}"""), HttpStatusCode.BadRequest, "samples[0].methods"),
        ["reportLanguage fr"] = new(Json, () => Terms("\"reportLanguage\":\"fr\""), HttpStatusCode.BadRequest, "reportLanguage"),
        ["reportLanguage 1"] = new(Json, () => Terms("\"reportLanguage\":1"), HttpStatusCode.BadRequest, "reportLanguage"),
        ["reportLanguage \"1\""] = new(Json, () => Terms("\"reportLanguage\":\"1\""), HttpStatusCode.BadRequest, "reportLanguage"),
        ["decisionRule strict"] = new(Json, () => Terms("\"decisionRule\":\"strict\""), HttpStatusCode.BadRequest, "decisionRule"),
        ["urgency asap"] = new(Json, () => Terms("\"urgency\":\"asap\""), HttpStatusCode.BadRequest, "urgency"),
        ["sampleDisposal keep"] = new(Json, () => Terms("\"sampleDisposal\":\"keep\""), HttpStatusCode.BadRequest, "sampleDisposal"),
        ["subcontractingAllowed yes"] = new(Json, () => Terms("\"subcontractingAllowed\":\"yes\""), HttpStatusCode.BadRequest, "subcontractingAllowed"),
        ["notes a list"] = new(Json, () => Terms("\"notes\":[\"x\"]"), HttpStatusCode.BadRequest, "notes"),
        ["notes too long"] = new(Json, () => Terms($"\"notes\":\"{new string('n', 2001)}\""), HttpStatusCode.BadRequest, "notes"),
        ["producer a string"] = new(Json, () => Terms("\"producer\":\"明辉伞厂\""), HttpStatusCode.BadRequest, "producer"),
        ["producer name a number"] = new(Json, () => Terms("\"producer\":{\"name\":7}"), HttpStatusCode.BadRequest, "producer.name"),
        ["producer address without name"] = new(Json, () => Terms("\"producer\":{\"address\":\"晋江市池店镇\"}"), HttpStatusCode.BadRequest, "producer.name"),
        ["producer address too long"] = new(Json, () => Terms($"\"producer\":{{\"name\":\"厂\",\"address\":\"{new string('a', 301)}\"}}"), HttpStatusCode.BadRequest, "producer.address"),
        ["reportRecipients a string"] = new(Json, () => Terms("\"reportRecipients\":\"qa@example.com\""), HttpStatusCode.BadRequest, "reportRecipients"),
        ["reportRecipients not an email"] = new(Json, () => Terms("\"reportRecipients\":[\"not-an-email\"]"), HttpStatusCode.BadRequest, "reportRecipients"),
        ["reportRecipients with null"] = new(Json, () => Terms("\"reportRecipients\":[null]"), HttpStatusCode.BadRequest, "reportRecipients"),
        ["11 recipients"] = new(Json, () => Terms($"\"reportRecipients\":[{string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"qa{i}@example.com\""))}]"), HttpStatusCode.BadRequest, "reportRecipients"),
        ["201 samples"] = new(Json, () => Samples(201), HttpStatusCode.BadRequest, "samples"),
        ["10 000 samples"] = new(Json, () => Samples(10_000), HttpStatusCode.BadRequest, "samples"),
        ["many errors at once"] = new(Json, () => $$"""{"samples":[{"name":"伞","quantity":"three","methods":["UMB-WIND"]},null,{"quantity":5,"methods":[]}],"reportLanguage":"fr"}""",
            HttpStatusCode.BadRequest, "samples[0].quantity", "samples[1]", "samples[2].name", "samples[2].methods", "reportLanguage"),
        ["text/plain"] = new("text/plain", () => Terms("\"notes\":\"x\""), HttpStatusCode.BadRequest, "Content-Type"),
        ["a form"] = new("application/x-www-form-urlencoded", () => Terms("\"notes\":\"x\""), HttpStatusCode.BadRequest, "Content-Type"),
        ["XML"] = new("application/xml", () => "<request/>", HttpStatusCode.BadRequest, "Content-Type"),
        ["no content type"] = new(null, () => Terms("\"notes\":\"x\""), HttpStatusCode.BadRequest, "Content-Type"),
        ["charset GBK"] = new("application/json; charset=gbk", () => Terms("\"notes\":\"x\""), HttpStatusCode.BadRequest, "Content-Type"),
        ["2 MB"] = new(Json, () => One($$"""{"name":"{{new string('a', 2_000_000)}}","quantity":5,"methods":["UMB-WIND"]}"""), HttpStatusCode.RequestEntityTooLarge),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadInputIsRefusedNamingEachField(string name)
    {
        var c = Cases[name];
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        using var response = await api.PostAsync("/api/v1/requests", ApiTestClient.Body(c.Body(), c.ContentType));

        Assert.True(c.Status == response.StatusCode, $"{name}: expected {(int)c.Status}, got {(int)response.StatusCode}: {await Head(response)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", text, StringComparison.Ordinal);
        var problem = await ApiTestClient.JsonAsync(response);
        Assert.Equal((int)c.Status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (c.Fields.Length == 0) return;
        var errors = problem.GetProperty("errors");
        foreach (var field in c.Fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"{name}: no error for {field} in {errors.GetRawText()[..Math.Min(500, errors.GetRawText().Length)]}");
            Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        }
    }

    [Fact]
    public async Task EveryUnknownMethodCodeIsNamed()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey, "en");
        var body = """
            {"samples":[
              {"name":"伞","quantity":5,"methods":["UMB-WIND","UMB-NOPE","XYZ-1"]},
              {"name":"鞋","quantity":5,"methods":["FTW-GONE","UMB-FRAME"]}]}
            """;

        using var response = await api.PostAsync("/api/v1/requests", ApiTestClient.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiTestClient.JsonAsync(response)).GetProperty("errors");
        var first = string.Join("\n", errors.GetProperty("samples[0].methods").EnumerateArray().Select(m => m.GetString()));
        var second = string.Join("\n", errors.GetProperty("samples[1].methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("UMB-NOPE", first, StringComparison.Ordinal);
        Assert.Contains("XYZ-1", first, StringComparison.Ordinal);
        Assert.DoesNotContain("UMB-WIND", first, StringComparison.Ordinal);
        Assert.Contains("FTW-GONE", second, StringComparison.Ordinal);
        Assert.Equal("FTW-GONE is not a test in our catalog.", Assert.Single(errors.GetProperty("samples[1].methods").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData(null, "第 1 件样品：数量须为 1 至 10 000 的整数。")]
    [InlineData("zh-CN", "第 1 件样品：数量须为 1 至 10 000 的整数。")]
    [InlineData("en-US,en;q=0.8", "Sample 1: the quantity must be a whole number from 1 to 10 000.")]
    [InlineData("fr-FR", "第 1 件样品：数量须为 1 至 10 000 的整数。")]
    public async Task MessagesFollowAcceptLanguageChineseByDefault(string? language, string expected)
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey, language);

        using var response = await api.PostAsync("/api/v1/requests",
            ApiTestClient.Body("""{"samples":[{"name":"伞","quantity":"three","methods":["UMB-WIND"]}]}"""));

        var errors = (await ApiTestClient.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(expected, Assert.Single(errors.GetProperty("samples[0].quantity").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task AChunkedBodyPastTheLimitIs413()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        var big = Encoding.UTF8.GetBytes(One($$"""{"name":"{{new string('a', 3_000_000)}}","quantity":5,"methods":["UMB-WIND"]}"""));
        // A stream of unknown length goes out chunked, without Content-Length: the app must stop reading at the limit.
        using var content = new StreamContent(new UnknownLengthStream(big));
        content.Headers.ContentType = new("application/json");

        using var response = await api.PostAsync("/api/v1/requests", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await ApiTestClient.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task InvalidUtf8IsA400()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        var bytes = Encoding.UTF8.GetBytes(One(Ok)).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'{') + 1, new byte[] { 0xC3, 0x28, 0xFF });
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new("application/json");

        using var response = await api.PostAsync("/api/v1/requests", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiTestClient.JsonAsync(response)).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task NothingIsBookedOrMailedForBadInput()
    {
        var before = await CountAsync();
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        foreach (var (name, c) in Cases.Where(c => c.Key is not ("2 MB" or "name of 1 MB" or "10 000 samples")))
        {
            using var response = await api.PostAsync("/api/v1/requests", ApiTestClient.Body(c.Body(), c.ContentType));
            Assert.True(response.StatusCode == c.Status, name);
        }

        Assert.Equal(before, await CountAsync());
    }

    private async Task<(int Requests, int Emails)> CountAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return (await db.TestRequests.CountAsync(), await db.OutgoingEmails.CountAsync());
    }

    private static async Task<string> Head(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length <= 400 ? text : text[..400];
    }

    /// <summary>A read-only stream that does not tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
