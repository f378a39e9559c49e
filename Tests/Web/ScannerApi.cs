using System.Net;
using System.Text.Json;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Data.Seed;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Samples;

namespace Tests.Web;

/// <summary>
/// The scanner API as a scan device or station PC uses it: receive, move, take and look up samples by their barcodes
/// with a station key, and read a sample's state with any key that may see it. The shapes are the contract.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScannerApi(AppFixture fixture)
{
    private const string ByReceptionStation = "station:" + DemoData.ReceptionStationKeyName;

    [Fact]
    public async Task TheDemoReceptionStationKeyWorksAndIsInTheReadme()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ScannerTestData.Station(fixture);

        using var response = await api.GetAsync($"/api/v1/samples/{barcodes[0]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var readme = await File.ReadAllTextAsync(Path.Combine(TestFolders.RepositoryRoot, "README.md"));
        Assert.Contains($"| {DemoData.ReceptionStationKeyName} | `{DemoData.ReceptionStationKey}` |", readme, StringComparison.Ordinal);
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Hash == ApiKey.HashOf(DemoData.ReceptionStationKey));
        Assert.Equal(ApiKeyKind.Station, key.Kind);
        Assert.Equal(DemoData.ReceptionStationKeyName, key.Name);
        Assert.Null(key.EnterpriseId);
    }

    [Theory]
    [InlineData(ApiKeyKind.Enterprise)]
    [InlineData(ApiKeyKind.Instrument)]
    public async Task OnlyAStationKeyCanScan(ApiKeyKind kind)
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var (secret, _) = await ApiTestClient.AddKeyAsync(fixture, kind,
            kind == ApiKeyKind.Enterprise ? await ApiTestClient.MinghuiIdAsync(fixture) : null, $"{kind} scanner");
        using var api = ApiTestClient.For(fixture, secret, "en");

        using var response = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "desk", action = "receive" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("station key", (await ApiTestClient.JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(SampleStatus.Expected, (await SampleAsync(barcodes[0])).Status);
    }

    [Fact]
    public async Task TheDemoEnterpriseKeyCannotScanEither()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);

        using var response = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "desk", action = "receive" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(SampleStatus.Expected, (await SampleAsync(barcodes[0])).Status);
    }

    [Fact]
    public async Task ReceivingRecordsTheStationInCustodyAndASecondReceiveIs409()
    {
        var (number, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 2, 1);
        using var api = ScannerTestData.Station(fixture);

        using var response = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0].ToLowerInvariant(), station = "收样台 1", action = "receive" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var state = await ApiTestClient.JsonAsync(response);
        Assert.Equal(["barcode", "name", "status", "request", "location", "holder", "receivedAt", "condition", "custody"],
            state.EnumerateObject().Select(p => p.Name));
        Assert.Equal(barcodes[0], state.GetProperty("barcode").GetString());
        Assert.Equal("扫码 API 样品 1", state.GetProperty("name").GetString());
        Assert.Equal("Received", state.GetProperty("status").GetString());
        Assert.Equal(["number", "status"], state.GetProperty("request").EnumerateObject().Select(p => p.Name));
        Assert.Equal(number, state.GetProperty("request").GetProperty("number").GetString());
        Assert.Equal("Submitted", state.GetProperty("request").GetProperty("status").GetString()); // one sample still to come
        Assert.Equal(ScannerTestData.ReceptionDesk, state.GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("holder").ValueKind);
        Assert.EndsWith("Z", state.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.InRange(state.GetProperty("receivedAt").GetDateTime().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal("Intact", state.GetProperty("condition").GetString());
        var custody = Assert.Single(state.GetProperty("custody").EnumerateArray());
        Assert.Equal(["action", "at", "by", "location", "station"], custody.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Received", custody.GetProperty("action").GetString());
        Assert.Equal(ByReceptionStation, custody.GetProperty("by").GetString());
        Assert.Equal("收样台 1", custody.GetProperty("station").GetString());
        Assert.Equal(ScannerTestData.ReceptionDesk, custody.GetProperty("location").GetString());

        // In the database, through the same verbs as the scan station page: received by the station, declared quantity.
        var sample = await SampleAsync(barcodes[0]);
        Assert.Equal(SampleStatus.Received, sample.Status);
        Assert.Equal(ByReceptionStation, sample.ReceivedBy);
        Assert.Equal(2, sample.ReceivedQuantity);

        // Receiving it again is refused with the domain's reason, and nothing changes.
        using var again = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "收样台 1", action = "receive" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await ApiTestClient.JsonAsync(again);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.EndsWith("/sample-receive", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal($"Cannot receive sample {barcodes[0]}: it is Received.", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await CustodyCountAsync(barcodes[0]));

        // The last sample in completes the request, and the enterprise is told.
        using var last = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[1], station = "收样台 1", action = "receive" });
        Assert.Equal("Received", (await ApiTestClient.JsonAsync(last)).GetProperty("request").GetProperty("status").GetString());
        await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(number, StringComparison.Ordinal) == true
            && m.Subject.Contains("样品已全部收到", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReceiptWithADeviationNeedsANoteAndTheEnterpriseIsAsked()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 3, 3);
        using var api = ScannerTestData.Station(fixture);

        // Damaged without a note: 400 naming the note; nothing received.
        using var noNote = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "desk", action = "receive", condition = "damaged" });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.True((await ApiTestClient.JsonAsync(noNote)).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(SampleStatus.Expected, (await SampleAsync(barcodes[0])).Status);

        using var damaged = await ScannerTestData.ScanAsync(api,
            new { barcode = barcodes[0], station = "desk", action = "receive", condition = "damaged", note = "伞套破损" });
        var state = await ApiTestClient.JsonAsync(damaged);
        Assert.Equal(HttpStatusCode.OK, damaged.StatusCode);
        Assert.Equal("Damaged", state.GetProperty("condition").GetString());
        var mail = await fixture.Smtp.WaitForAsync(m => m.Subject?.Contains(barcodes[0], StringComparison.Ordinal) == true);
        Assert.Contains("伞套破损", mail.TextBody, StringComparison.Ordinal);

        // Fewer than declared: a wrong quantity, noted by the domain.
        using var fewer = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[1], station = "desk", action = "receive", quantity = 2 });
        Assert.Equal("WrongQuantity", (await ApiTestClient.JsonAsync(fewer)).GetProperty("condition").GetString());
        var sample = await SampleAsync(barcodes[1]);
        Assert.Equal(2, sample.ReceivedQuantity);
        Assert.Equal("2 received, 3 declared", sample.ReceiptNote);
    }

    [Fact]
    public async Task MovingNeedsAValidLocationInUse()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var barcode = barcodes[0];
        using var api = ScannerTestData.Station(fixture);

        // An expected sample is not in the lab yet.
        using var early = await ScannerTestData.ScanAsync(api, new { barcode, station = "shelf", action = "move", location = ScannerTestData.ShelfA });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Cannot move sample", (await ApiTestClient.JsonAsync(early)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await ScannerTestData.ScanAsync(api, new { barcode, station = "desk", action = "receive" })).StatusCode);

        using var missing = await ScannerTestData.ScanAsync(api, new { barcode, station = "shelf", action = "move" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("L-0002-8", (await ApiTestClient.JsonAsync(missing)).GetProperty("errors").GetProperty("location")[0].GetString(), StringComparison.Ordinal);

        using var misread = await ScannerTestData.ScanAsync(api,
            new { barcode, station = "shelf", action = "move", location = ScannerTestData.WithWrongCheck(ScannerTestData.ShelfA) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misread.StatusCode);
        var problem = await ApiTestClient.JsonAsync(misread);
        Assert.Equal("location", problem.GetProperty("field").GetString());
        Assert.Equal("WrongCheckCharacter", problem.GetProperty("problem").GetString());

        using var notAPlace = await ScannerTestData.ScanAsync(api, new { barcode, station = "shelf", action = "move", location = barcode });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAPlace.StatusCode);
        Assert.Equal("NotALocation", (await ApiTestClient.JsonAsync(notAPlace)).GetProperty("problem").GetString());

        var nowhere = Numbers.LocationBarcode(9999);
        using var unknown = await ScannerTestData.ScanAsync(api, new { barcode, station = "shelf", action = "move", location = nowhere });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Contains(nowhere, (await ApiTestClient.JsonAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CustodyCountAsync(barcode));

        using var moved = await ScannerTestData.ScanAsync(api, new { barcode, station = "shelf", action = "move", location = ScannerTestData.ShelfA.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var state = await ApiTestClient.JsonAsync(moved);
        Assert.Equal(ScannerTestData.ShelfA, state.GetProperty("location").GetString());
        var last = state.GetProperty("custody").EnumerateArray().Last();
        Assert.Equal("Moved", last.GetProperty("action").GetString());
        Assert.Equal(ScannerTestData.ShelfA, last.GetProperty("location").GetString());
        Assert.Equal("shelf", last.GetProperty("station").GetString());
        Assert.Equal(ScannerTestData.ShelfA, (await SampleAsync(barcode)).LocationBarcode);
    }

    [Fact]
    public async Task TakeHandsTheSampleToTheStationLookupChangesNothingAndDisposalWaitsForRetention()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var barcode = barcodes[0];
        using var api = ScannerTestData.Station(fixture);

        using var returnEarly = await ScannerTestData.ScanAsync(api, new { barcode, station = "bench", action = "return" });
        Assert.Equal(HttpStatusCode.Conflict, returnEarly.StatusCode);

        await ScannerTestData.ScanAsync(api, new { barcode, station = "desk", action = "receive" });
        using var taken = await ScannerTestData.ScanAsync(api, new { barcode, station = "bench", action = "take" });
        var state = await ApiTestClient.JsonAsync(taken);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(ByReceptionStation, state.GetProperty("holder").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("location").ValueKind);
        Assert.Equal(["Received", "TakenForTesting"], state.GetProperty("custody").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        using var lookup = await ScannerTestData.ScanAsync(api, new { barcode, station = "bench", action = "LOOKUP" });
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(state.GetRawText(), (await ApiTestClient.JsonAsync(lookup)).GetRawText());

        using var dispose = await ScannerTestData.ScanAsync(api, new { barcode, station = "bench", action = "dispose" });
        Assert.Equal(HttpStatusCode.Conflict, dispose.StatusCode);
        var problem = await ApiTestClient.JsonAsync(dispose);
        Assert.EndsWith("/sample-dispose-of", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal($"Cannot dispose of sample {barcode}: it is Received.", problem.GetProperty("detail").GetString());
        Assert.Equal(SampleStatus.Received, (await SampleAsync(barcode)).Status);
        Assert.Equal(2, await CustodyCountAsync(barcode));
    }

    [Theory]
    [InlineData("en", "check character")]
    [InlineData("zh-CN", "校验位")]
    public async Task AWrongCheckCharacterIs422SayingSoNeverAnotherSample(string language, string words)
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var misread = ScannerTestData.WithWrongCheck(barcodes[0]);
        using var api = ScannerTestData.Station(fixture, language);

        foreach (var response in new[]
        {
            await ScannerTestData.ScanAsync(api, new { barcode = misread, station = "desk", action = "receive" }),
            await api.GetAsync($"/api/v1/samples/{misread}"),
        })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await ApiTestClient.JsonAsync(response);
            Assert.Equal(422, problem.GetProperty("status").GetInt32());
            Assert.Contains(words, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(misread, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("WrongCheckCharacter", problem.GetProperty("problem").GetString());
            Assert.Equal("barcode", problem.GetProperty("field").GetString());
        }
        Assert.Equal(SampleStatus.Expected, (await SampleAsync(barcodes[0])).Status);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("WT2026-00001")]
    [InlineData("S2026-12-3")]
    [InlineData("S2026-000123")]
    public async Task SomethingThatIsNotALabCodeIs422AndSaysSoDifferently(string text)
    {
        using var api = ScannerTestData.Station(fixture);
        var misread = ScannerTestData.WithWrongCheck(ScannerTestData.UnknownSampleBarcode);
        var wrongCheckTitle = (await ApiTestClient.JsonAsync(await api.GetAsync($"/api/v1/samples/{misread}"))).GetProperty("title").GetString();

        foreach (var response in new[]
        {
            await ScannerTestData.ScanAsync(api, new { barcode = text, station = "desk", action = "lookup" }),
            await api.GetAsync($"/api/v1/samples/{Uri.EscapeDataString(text)}"),
        })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await ApiTestClient.JsonAsync(response);
            Assert.Equal("NotABarcode", problem.GetProperty("problem").GetString());
            Assert.Contains("not a sample, specimen or storage location code", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.NotEqual(wrongCheckTitle, problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task ALocationIsNotASample()
    {
        using var api = ScannerTestData.Station(fixture);

        using var response = await ScannerTestData.ScanAsync(api, new { barcode = ScannerTestData.ShelfA, station = "desk", action = "lookup" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("NotASample", (await ApiTestClient.JsonAsync(response)).GetProperty("problem").GetString());
    }

    [Fact]
    public async Task AValidCodeOfNothingIs404()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var noSuchSpecimen = Numbers.SpecimenBarcode(barcodes[0], 7);
        using var api = ScannerTestData.Station(fixture);

        foreach (var code in new[] { ScannerTestData.UnknownSampleBarcode, noSuchSpecimen })
        {
            foreach (var response in new[]
            {
                await ScannerTestData.ScanAsync(api, new { barcode = code, station = "desk", action = "receive" }),
                await api.GetAsync($"/api/v1/samples/{code}"),
            })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(404, (await ApiTestClient.JsonAsync(response)).GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task ASampleIsReadByItsOwnEnterpriseAndTheLabsKeysButIs404ForAnotherEnterprise()
    {
        var (number, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        var barcode = barcodes[0];
        var haixi = await ApiTestClient.EnterpriseIdAsync(fixture, DemoData.HaixiCode);
        var (haixiKey, _) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Enterprise, haixi, "haixi erp");
        var (instrumentKey, _) = await ApiTestClient.AddKeyAsync(fixture, ApiKeyKind.Instrument, null, "tensile tester");
        using var station = ScannerTestData.Station(fixture);
        await ScannerTestData.ScanAsync(station, new { barcode, station = "desk", action = "receive" });

        using var owner = ApiTestClient.For(fixture, DemoData.MinghuiApiKey);
        using var ownerResponse = await owner.GetAsync($"/api/v1/samples/{barcode}");
        Assert.Equal(HttpStatusCode.OK, ownerResponse.StatusCode);
        var seen = await ApiTestClient.JsonAsync(ownerResponse);
        Assert.Equal(number, seen.GetProperty("request").GetProperty("number").GetString());
        Assert.Equal("Received", seen.GetProperty("status").GetString());

        foreach (var key in new[] { DemoData.ReceptionStationKey, instrumentKey })
        {
            using var lab = ApiTestClient.For(fixture, key);
            using var response = await lab.GetAsync($"/api/v1/samples/{barcode}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(seen.GetRawText(), (await ApiTestClient.JsonAsync(response)).GetRawText());
        }

        // Another enterprise learns nothing: the same 404 as a code nobody issued.
        using var other = ApiTestClient.For(fixture, haixiKey);
        using var refused = await other.GetAsync($"/api/v1/samples/{barcode}");
        using var unknown = await other.GetAsync($"/api/v1/samples/{ScannerTestData.UnknownSampleBarcode}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var refusedText = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain(barcode, refusedText, StringComparison.Ordinal);
        Assert.DoesNotContain(number, refusedText, StringComparison.Ordinal);
        Assert.Equal((await ApiTestClient.JsonAsync(unknown)).GetProperty("title").GetString(),
            (await ApiTestClient.JsonAsync(refused)).GetProperty("title").GetString());

        // Without a key, or with a revoked one: 401.
        using var none = ApiTestClient.For(fixture, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync($"/api/v1/samples/{barcode}")).StatusCode);
    }

    [Fact]
    public async Task ASpecimenAnswersWithItsSampleAndTheSpecimen()
    {
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ScannerTestData.Station(fixture);
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "desk", action = "receive" });
        string specimen;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var scans = scope.ServiceProvider.GetRequiredService<ScanService>();
            var created = await scans.DivideAsync(await scans.FindAsync(barcodes[0]), 2, "伞面裁片", "technician@lablims.test", "web");
            specimen = created[1].Barcode;
        }

        using var response = await api.GetAsync($"/api/v1/samples/{specimen}");
        var state = await ApiTestClient.JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(barcodes[0], state.GetProperty("barcode").GetString());
        Assert.Equal("specimen", state.EnumerateObject().Last().Name);
        Assert.Equal(specimen, state.GetProperty("specimen").GetProperty("barcode").GetString());
        Assert.Equal(2, state.GetProperty("specimen").GetProperty("number").GetInt32());
        Assert.False((await ApiTestClient.JsonAsync(await api.GetAsync($"/api/v1/samples/{barcodes[0]}"))).TryGetProperty("specimen", out _));

        // Moving the specimen records it (by its own code) in its sample's chain.
        using var moved = await ScannerTestData.ScanAsync(api, new { barcode = specimen, station = "lab", action = "move", location = ScannerTestData.ShelfA });
        var after = await ApiTestClient.JsonAsync(moved);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(specimen, after.GetProperty("specimen").GetProperty("barcode").GetString());
        Assert.Equal("Moved", after.GetProperty("custody").EnumerateArray().Last().GetProperty("action").GetString());
    }

    [Fact]
    public async Task TheLookUpAnswersExactlyWhatTheScanActionsAnswerForTheSameSample()
    {
        // The look-up reads narrowly (one projection query); the scan actions build the state from the whole request.
        // The JSON must be the same, byte for byte, in every field: a sample with a deviation on receipt, moved, held
        // by a person, with custody from several stations, and one of its specimens.
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture, 3, 2);
        using var api = ScannerTestData.Station(fixture);
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "收样台 1", action = "receive", quantity = 2, condition = "damaged", note = "伞骨弯折" });
        await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "lab", action = "move", location = ScannerTestData.ShelfA });
        using var taken = await ScannerTestData.ScanAsync(api, new { barcode = barcodes[0], station = "lab", action = "take" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        string specimen;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var scans = scope.ServiceProvider.GetRequiredService<ScanService>();
            specimen = (await scans.DivideAsync(await scans.FindAsync(barcodes[0]), 2, "伞面裁片", "technician@lablims.test", "web"))[0].Barcode;
        }

        foreach (var code in new[] { barcodes[0], barcodes[1], specimen, specimen.ToLowerInvariant() })
        {
            string expected;
            using (var scope = fixture.App.Services.CreateScope())
            {
                var scans = scope.ServiceProvider.GetRequiredService<ScanService>();
                var found = await scans.FindAsync(code);
                var state = global::Web.Api.ApiSampleState.From(found.Request!, found.Sample!, found.Specimen, await scans.ChainOfCustodyAsync(found.Sample!.Id));
                var json = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value;
                expected = JsonSerializer.Serialize(state, json.JsonSerializerOptions);
            }
            using var response = await api.GetAsync($"/api/v1/samples/{code}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Canonical(expected), Canonical(await response.Content.ReadAsStringAsync()));
        }
        var held = await ApiTestClient.JsonAsync(await api.GetAsync($"/api/v1/samples/{barcodes[0]}"));
        Assert.Equal(["barcode", "name", "status", "request", "location", "holder", "receivedAt", "condition", "custody"],
            held.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Damaged", held.GetProperty("condition").GetString());
        Assert.Equal(["Received", "Moved", "TakenForTesting", "Divided"], held.GetProperty("custody").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.EndsWith("Z", held.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task TheLookUpRefusesACodeWithTheSameProblemDetailsAsAScan(string language)
    {
        // The look-up is a plain endpoint, the scan an MVC action: the refusals must read the same, byte for byte but
        // for the trace id, in both languages (status, content type, title, detail, field, problem).
        var (_, barcodes) = await ScannerTestData.BookForMinghuiAsync(fixture);
        using var api = ScannerTestData.Station(fixture, language);
        foreach (var code in new[] { ScannerTestData.WithWrongCheck(barcodes[0]), "hello", ScannerTestData.ShelfA, ScannerTestData.UnknownSampleBarcode,
                     Numbers.SpecimenBarcode(barcodes[0], 7) })
        {
            using var scan = await ScannerTestData.ScanAsync(api, new { barcode = code, station = "desk", action = "lookup" });
            using var lookUp = await api.GetAsync($"/api/v1/samples/{Uri.EscapeDataString(code)}");
            Assert.Equal(scan.StatusCode, lookUp.StatusCode);
            Assert.Equal("application/problem+json; charset=utf-8", lookUp.Content.Headers.ContentType?.ToString());
            Assert.Equal(scan.Content.Headers.ContentType?.ToString(), lookUp.Content.Headers.ContentType?.ToString());
            Assert.Equal(WithoutTraceId(await scan.Content.ReadAsStringAsync()), WithoutTraceId(await lookUp.Content.ReadAsStringAsync()));
        }
    }

    private static string WithoutTraceId(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");

    /// <summary>The same names in the same order with the same values; only how characters are escaped may differ.</summary>
    private static string Canonical(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private async Task<Sample> SampleAsync(string barcode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        return await db.Samples.AsNoTracking().SingleAsync(s => s.Barcode == barcode);
    }

    private async Task<int> CustodyCountAsync(string barcode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var sampleId = await db.Samples.Where(s => s.Barcode == barcode).Select(s => s.Id).SingleAsync();
        return await db.CustodyEvents.CountAsync(e => e.SampleId == sampleId);
    }
}
