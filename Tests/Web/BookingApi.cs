using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>
/// The booking API as an enterprise's ERP uses it: read the catalog, book and submit a request, follow it; the
/// shapes are the contract integrations depend on.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class BookingApi(AppFixture fixture)
{
    private static readonly TimeZoneInfo LabTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task MethodsListTheActiveCatalogInTheContractsShape()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        using var response = await api.GetAsync("/api/v1/methods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var methods = (await ApiTestClient.JsonAsync(response)).EnumerateArray().ToList();
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            Assert.Equal(await db.TestMethods.CountAsync(m => m.Active), methods.Count);
        }
        var frame = methods.Single(m => m.GetProperty("code").GetString() == "UMB-FRAME");
        // The contract's fields come first, in this order.
        Assert.Equal(["code", "nameZh", "nameEn", "standard", "unit", "priceCny", "turnaroundDays"],
            frame.EnumerateObject().Take(7).Select(p => p.Name));
        Assert.Equal("伞骨(骨架)强度", frame.GetProperty("nameZh").GetString());
        Assert.Equal("Umbrella frame (rib) strength", frame.GetProperty("nameEn").GetString());
        Assert.Equal("GB/T 23147-2018", frame.GetProperty("standard").GetString());
        Assert.Equal("N", frame.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Number, frame.GetProperty("priceCny").ValueKind);
        Assert.True(frame.GetProperty("priceCny").GetDecimal() > 0);
        Assert.True(frame.GetProperty("turnaroundDays").GetInt32() > 0);
        Assert.Equal("UMB", frame.GetProperty("family").GetString());
        Assert.True(frame.GetProperty("sampleQuantity").GetInt32() > 0);
        Assert.All(methods, m => Assert.Matches("^(UMB|FTW|TEX|FOM)-[A-Z0-9]+$", m.GetProperty("code").GetString()!));
    }

    [Fact]
    public async Task ABookingIsSubmittedPricedMailedAndListed()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        var catalog = (await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/methods"))).EnumerateArray()
            .ToDictionary(m => m.GetProperty("code").GetString()!);
        string[] first = ["UMB-WIND", "UMB-FRAME"];
        string[] second = ["umb-oc "]; // codes are matched without regard to case or spaces
        var quantity = first.Concat(["UMB-OC"]).Max(c => catalog[c].GetProperty("sampleQuantity").GetInt32());
        var body = $$"""
            {
              "samples": [
                {"name": "API 直杆伞 27 寸", "model": "MH-API-27", "brand": "明辉", "batch": "2026-11", "quantity": {{quantity}},
                 "description": "全新", "methods": ["UMB-WIND", "UMB-FRAME"]},
                {"name": "API 折叠伞", "model": "MH-API-3F", "brand": "明辉", "quantity": {{quantity}}, "methods": ["umb-oc "]}
              ],
              "reportLanguage": "bilingual",
              "decisionRule": "simple",
              "urgency": "normal",
              "sampleDisposal": "return",
              "notes": "ERP 订单 PO-4711",
              "producer": {"name": "晋江恒达制伞厂", "address": "福建省晋江市池店镇"}
            }
            """;

        using var response = await api.PostAsync("/api/v1/requests", ApiTestClient.Body(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booked = await ApiTestClient.JsonAsync(response);
        var number = booked.GetProperty("number").GetString()!;
        Assert.Matches(RequestNumber(), number);
        Assert.StartsWith($"WT{DateTime.UtcNow.Year}-", number, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/requests/{number}", response.Headers.Location?.OriginalString);
        Assert.Equal(["number", "status", "samples", "quote", "reports"], booked.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Submitted", booked.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, booked.GetProperty("reports").ValueKind);
        Assert.Equal(0, booked.GetProperty("reports").GetArrayLength());

        var samples = booked.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(2, samples.Count);
        Assert.Equal(["API 直杆伞 27 寸", "API 折叠伞"], samples.Select(s => s.GetProperty("name").GetString()));
        Assert.All(samples, s =>
        {
            Assert.Equal(["barcode", "name", "status", "analyses"], s.EnumerateObject().Select(p => p.Name));
            Assert.True(Numbers.IsValidSampleBarcode(s.GetProperty("barcode").GetString()!), s.GetProperty("barcode").GetString());
            Assert.Equal("Expected", s.GetProperty("status").GetString());
            Assert.All(s.GetProperty("analyses").EnumerateArray(), a =>
            {
                Assert.Equal(["id", "method", "status"], a.EnumerateObject().Select(p => p.Name));
                Assert.True(a.GetProperty("id").GetInt32() > 0);
                Assert.Equal("Pending", a.GetProperty("status").GetString());
            });
        });
        Assert.Equal(2, samples.Select(s => s.GetProperty("barcode").GetString()).Distinct().Count());
        Assert.Equal(first, samples[0].GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("method").GetString()));
        Assert.Equal(["UMB-OC"], samples[1].GetProperty("analyses").EnumerateArray().Select(a => a.GetProperty("method").GetString()));

        // The quote: the sum of the catalog prices; due on a working day after today (the lab's today).
        var quote = booked.GetProperty("quote");
        Assert.Equal(first.Concat(["UMB-OC"]).Sum(c => catalog[c].GetProperty("priceCny").GetDecimal()), quote.GetProperty("totalCny").GetDecimal());
        var due = DateOnly.ParseExact(quote.GetProperty("dueDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, LabTime));
        Assert.True(due > today, $"due {due}, today {today}");
        Assert.DoesNotContain(due.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });

        // The confirmation email arrives.
        var mail = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Contains(samples[0].GetProperty("barcode").GetString()!, mail.TextBody ?? mail.HtmlBody, StringComparison.Ordinal);

        // The same request, in the same shape, from GET by number and at the top of the list.
        var one = await ApiTestClient.JsonAsync(await api.GetAsync($"/api/v1/requests/{number}"));
        Assert.Equal(booked.GetRawText(), one.GetRawText());
        var list = (await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/requests"))).EnumerateArray().ToList();
        Assert.Equal(number, list[0].GetProperty("number").GetString());
        Assert.Equal(booked.GetRawText(), list[0].GetRawText());

        // In the database: booked by the key, for its enterprise, with the terms asked for.
        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var request = await db.TestRequests.AsNoTracking().SingleAsync(r => r.Number == number);
            Assert.Equal(await ApiTestClient.MinghuiIdAsync(fixture), request.EnterpriseId);
            Assert.Equal(Lab.Domain.Requests.ReportLanguage.Bilingual, request.ReportLanguage);
            Assert.Equal(Lab.Domain.Requests.SampleDisposal.Return, request.SampleDisposal);
            Assert.Equal("ERP 订单 PO-4711", request.Notes);
            Assert.Equal(("晋江恒达制伞厂", "福建省晋江市池店镇"), (request.ProducerName, request.ProducerAddress));
            Assert.Equal($"api:{DemoData.MinghuiApiKeyName}", request.CreatedBy);
        }

        // And in the portal, for the enterprise's client user.
        using var portal = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        Assert.Contains($"data-request=\"{number}\"", await portal.GetStringAsync("/requests"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/requests/{number}")).StatusCode);
    }

    [Fact]
    public async Task AMinimalBookingTakesTheDefaults()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        using var response = await api.PostAsync("/api/v1/requests", ApiTestClient.Body(
            """{"samples":[{"name":"伞面面料","quantity":5,"methods":["TEX-HYD"]}],"reportLanguage":"en","decisionRule":"guarded"}""",
            "application/json; charset=utf-8"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await ApiTestClient.JsonAsync(response)).GetProperty("number").GetString()!;
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var request = await db.TestRequests.AsNoTracking().SingleAsync(r => r.Number == number);
        Assert.Equal(Lab.Domain.Requests.ReportLanguage.En, request.ReportLanguage);
        Assert.Equal(Lab.Domain.Catalog.DecisionRule.GuardBand, request.DecisionRule);
        Assert.Equal(Lab.Domain.Requests.Urgency.Normal, request.Urgency);
        // No recipients given: the enterprise's report recipients.
        Assert.Contains("quality@minghui-umbrella.test", request.ReportRecipients);
        await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task TheListHoldsOnlyTheCallersSubmittedRequestsNewestFirst()
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        var list = (await ApiTestClient.JsonAsync(await api.GetAsync("/api/v1/requests"))).EnumerateArray().ToList();

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var minghui = await ApiTestClient.MinghuiIdAsync(fixture);
        var expected = (await db.TestRequests.AsNoTracking().Where(r => r.EnterpriseId == minghui && r.Number != null)
            .Select(r => new { r.Number, r.SubmittedAt }).ToListAsync())
            .OrderByDescending(r => r.SubmittedAt).Select(r => r.Number).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, list.Select(r => r.GetProperty("number").GetString()));
        Assert.DoesNotContain(list, r => r.GetProperty("status").GetString() == "Draft");
    }

    [Fact]
    public async Task AnotherEnterprisesRequestNumberIs404LikeAnUnknownOne()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var minghui = await ApiTestClient.MinghuiIdAsync(fixture);
        var others = await db.TestRequests.Where(r => r.EnterpriseId != minghui && r.Number != null).Select(r => r.Number!).ToListAsync();
        Assert.NotEmpty(others);
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        foreach (var number in others.Append("WT2026-99999").Append("no-such-thing"))
        {
            using var response = await api.GetAsync($"/api/v1/requests/{Uri.EscapeDataString(number)}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(number, text, StringComparison.Ordinal);
            Assert.Equal(404, (await ApiTestClient.JsonAsync(response)).GetProperty("status").GetInt32());
        }
        var list = await api.GetStringAsync("/api/v1/requests");
        Assert.All(others, n => Assert.DoesNotContain(n, list, StringComparison.Ordinal));

        // And the other way round: Haixi's key does not see Minghui's requests.
        var haixi = await ApiTestClient.EnterpriseIdAsync(fixture, DemoData.HaixiCode);
        var (secret, _) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, haixi, "haixi erp");
        using var haixiApi = ApiTestClient.For(fixture, secret);
        var minghuiNumber = await db.TestRequests.Where(r => r.EnterpriseId == minghui && r.Number != null).Select(r => r.Number!).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await haixiApi.GetAsync($"/api/v1/requests/{minghuiNumber}")).StatusCode);
        Assert.All((await ApiTestClient.JsonAsync(await haixiApi.GetAsync("/api/v1/requests"))).EnumerateArray(),
            r => Assert.Contains(r.GetProperty("number").GetString(), others));
    }

    [Theory]
    [InlineData("/api/v1/nothing-here", "GET", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/methods", "DELETE", HttpStatusCode.MethodNotAllowed)]
    public async Task OtherAddressesAnswerWithProblemDetailsNotPages(string path, string method, HttpStatusCode expected)
    {
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (await ApiTestClient.JsonAsync(response)).GetProperty("status").GetInt32());
    }

    [GeneratedRegex("^WT[0-9]{4}-[0-9]{5}$")]
    private static partial Regex RequestNumber();
}
