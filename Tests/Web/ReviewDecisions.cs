using System.Net;
using System.Text.RegularExpressions;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Seed;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Web;

/// <summary>
/// The reviewer's decisions over real HTTP: verify, verify a whole request, retract with a reason (the retest goes back to
/// the worklist), the four-eyes rule enforced on the server, and two reviewers deciding on the same result at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ReviewDecisions(AppFixture fixture)
{
    private const string Technician = "technician@lablims.test";
    private const string Reviewer = "reviewer@lablims.test";

    /// <summary>A received umbrella with a pass/fail finding and a grade recorded by <paramref name="producer"/>.</summary>
    internal static async Task<(string Number, int Rain, int Colour)> ResultsToReviewAsync(AppFixture fixture, string producer = Technician,
        string? colourProducer = null)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "晋江明辉伞业有限公司");
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples = [new SampleInput { Name = "晴雨伞", Quantity = 1, Methods = ["UMB-RAIN", "UMB-CF"] }],
        }, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        var sample = request.Samples[0];
        request.ReceiveSample(sample, "reception@lablims.test", DateTime.UtcNow, 1, SampleCondition.Intact, null);
        var rain = sample.Analyses.Single(a => a.MethodCode == "UMB-RAIN");
        var colour = sample.Analyses.Single(a => a.MethodCode == "UMB-CF");
        request.RecordFinding(rain, true, producer, DateTime.UtcNow);
        request.RecordResult(colour, 4, colourProducer ?? producer, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return (request.Number!, rain.Id, colour.Id);
    }

    internal static async Task<string> UserAsync(AppFixture fixture, string name, params string[] roles)
    {
        using var scope = fixture.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LabUser>>();
        var email = $"{name}-{Guid.NewGuid().ToString("N")[..8]}@lablims.test";
        var result = await users.CreateAsync(new LabUser { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true }, DemoData.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var user = (await users.FindByEmailAsync(email))!;
        foreach (var role in roles) await users.AddToRoleAsync(user, role);
        return email;
    }

    private async Task<Analysis> AnalysisAsync(int id)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LabDbContext>().Analyses.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenField();

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["v"].Value) : "";

    /// <summary>The hidden fields (token, seen stamps, ids) of the page's form posting to <paramref name="action"/>.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string html, string action)
    {
        var form = FormTag().Matches(html).FirstOrDefault(m => m.Groups["action"].Value == action)
            ?? throw new Xunit.Sdk.XunitException($"The page has no form posting to {action}.");
        return HiddenField().Matches(form.Groups["body"].Value)
            .Select(m => new KeyValuePair<string, string>(Attribute(m.Value, "name"), Attribute(m.Value, "value"))).ToList();
    }

    /// <summary>Posts the form as the page offers it (plus <paramref name="extra"/>) and returns the page the user lands on.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, string page, string action, params (string Name, string Value)[] extra)
    {
        var html = await client.GetStringAsync(page);
        var fields = FormFields(html, action);
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        using var form = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(action, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Flash(string html, string kind)
    {
        var m = Regex.Match(html, $"data-testid=\"flash-{kind}\">(?<text>[^<]*)<");
        return m.Success ? WebUtility.HtmlDecode(m.Groups["text"].Value) : "";
    }

    [Fact]
    public async Task VerifyingTheLastResultPutsTheRequestInTheSignatorysQueue()
    {
        var (number, rain, colour) = await ResultsToReviewAsync(fixture);
        using var reviewer = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);

        var queue = await reviewer.GetStringAsync("/review");
        Assert.Contains($"data-request=\"{number}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/{rain}\"", queue, StringComparison.Ordinal);

        var page = await reviewer.GetStringAsync($"/review/{colour}");
        Assert.Contains("GB/T", page, StringComparison.Ordinal); // the standard
        Assert.Contains("data-testid=\"record-limit\"", page, StringComparison.Ordinal);
        Assert.Contains("陈志强", page, StringComparison.Ordinal); // who produced it, by name

        var afterFirst = await SubmitAsync(reviewer, $"/review/{colour}", $"/review/{colour}/verify");
        Assert.Contains("UMB-CF 已审核通过", Flash(afterFirst, "message"));
        Assert.DoesNotContain("批准人", Flash(afterFirst, "message"));
        var afterLast = await SubmitAsync(reviewer, $"/review/{rain}", $"/review/{rain}/verify");
        Assert.Contains($"{number} 的全部结果均已审核", Flash(afterLast, "message"));

        var verified = await AnalysisAsync(colour);
        Assert.Equal((AnalysisStatus.Verified, Reviewer), (verified.Status, verified.VerifiedBy));
        Assert.DoesNotContain($"data-request=\"{number}\"", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);

        using var signatory = await fixture.App.CreateClientFor("signatory@lablims.test", DemoData.Password);
        var approval = await signatory.GetStringAsync("/approval");
        var row = Regex.Match(approval, $"<tr data-request=\"{number}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("2 / 2", row, StringComparison.Ordinal);
        Assert.Contains("可批准", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAllVerifiesEveryResultOfTheRequestInOnePost()
    {
        var (number, rain, colour) = await ResultsToReviewAsync(fixture);
        using var reviewer = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);

        var after = await SubmitAsync(reviewer, "/review", $"/review/requests/{number}/verify");

        Assert.Contains($"委托单 {number} 的 2 项结果已审核通过", Flash(after, "message"));
        Assert.Equal(AnalysisStatus.Verified, (await AnalysisAsync(rain)).Status);
        Assert.Equal(AnalysisStatus.Verified, (await AnalysisAsync(colour)).Status);
    }

    [Fact]
    public async Task RetractNeedsAReasonThenKeepsTheResultOnRecordAndTheRetestGoesBackToTheWorklist()
    {
        var (number, rain, _) = await ResultsToReviewAsync(fixture);
        using var reviewer = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);

        var refused = await SubmitAsync(reviewer, $"/review/{rain}", $"/review/{rain}/retract", ("reason", "  "));
        Assert.Equal("请填写撤回结果的原因，原因将与结果一起存档。", Flash(refused, "error"));
        Assert.Equal(AnalysisStatus.ToBeVerified, (await AnalysisAsync(rain)).Status);

        var done = await SubmitAsync(reviewer, $"/review/{rain}", $"/review/{rain}/retract", ("reason", "淋雨时间不足 5 分钟"));
        Assert.Contains("UMB-RAIN 已撤回", Flash(done, "message"));

        var retracted = await AnalysisAsync(rain);
        Assert.Equal((AnalysisStatus.Retracted, "淋雨时间不足 5 分钟", "Pass"), (retracted.Status, retracted.RetractionReason, retracted.ResultText));
        int retestId;
        using (var scope = fixture.App.Services.CreateScope())
        {
            var retest = await scope.ServiceProvider.GetRequiredService<LabDbContext>().Analyses.AsNoTracking().SingleAsync(a => a.RetestOfId == rain);
            Assert.Equal(AnalysisStatus.Pending, retest.Status);
            retestId = retest.Id;
        }
        Assert.Contains($"#{retestId}", Flash(done, "message"));

        using var technician = await fixture.App.CreateClientFor(Technician, DemoData.Password);
        Assert.Contains($"data-analysis-id=\"{retestId}\"", await technician.GetStringAsync("/worklist"), StringComparison.Ordinal);

        // The retracted result stays on the request page, marked, with the reason — for the lab and for the client.
        using var client = await fixture.App.CreateClientFor("client@minghui-umbrella.test", DemoData.Password);
        foreach (var who in new[] { reviewer, client })
        {
            var request = await who.GetStringAsync($"/requests/{number}");
            var row = Regex.Match(request, $"<tr data-analysis=\"UMB-RAIN\" data-analysis-id=\"{rain}\".*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains("已撤回", row, StringComparison.Ordinal);
            Assert.Contains("淋雨时间不足 5 分钟", row, StringComparison.Ordinal);
            Assert.Contains($"data-analysis-id=\"{retestId}\"", request, StringComparison.Ordinal);
        }
        // Reception sees the request but is not offered the analysis records it may not open.
        using var reception = await fixture.App.CreateClientFor("reception@lablims.test", DemoData.Password);
        Assert.DoesNotContain($"href=\"/analyses/{rain}\"", await reception.GetStringAsync($"/requests/{number}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/analyses/{rain}\"", await reviewer.GetStringAsync($"/requests/{number}"), StringComparison.Ordinal);

        // The retracted one is no longer in the queue.
        Assert.DoesNotContain($"href=\"/review/{rain}\"", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoProducedAResultCannotVerifyItEvenByPostingDirectly()
    {
        var both = await UserAsync(fixture, "tech-reviewer", Roles.Technician, Roles.Reviewer);
        using var dual = await fixture.App.CreateClientFor(both, DemoData.Password);
        var (number, rain, colour) = await ResultsToReviewAsync(fixture, producer: both, colourProducer: Technician);

        // The queue marks their own result and offers no verify button on it, nor verify-all for the request.
        var queue = await dual.GetStringAsync("/review");
        var mine = Regex.Match(queue, $"<tr data-analysis-id=\"{rain}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("该结果由您出具或最后修改，须由另一位审核人审核。", mine, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"quick-verify\" disabled", mine);
        Assert.DoesNotContain($"/review/requests/{number}/verify", queue, StringComparison.Ordinal);
        var page = await dual.GetStringAsync($"/review/{rain}");
        Assert.Matches("data-testid=\"verify\" disabled", page);

        // Posting anyway is refused by the server with the reason, in the user's language.
        var token = LabAppFactory.AntiforgeryToken(page)!;
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            var refused = await (await dual.PostAsync($"/review/{rain}/verify", form)).Content.ReadAsStringAsync();
            Assert.Equal("结果的检测人或最后修改人不能审核该结果，须由另一位审核人审核。", Flash(refused, "error"));
        }
        using (var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("analysisIds", rain.ToString()), new("analysisIds", colour.ToString())]))
        {
            var refused = await (await dual.PostAsync($"/review/requests/{number}/verify", form)).Content.ReadAsStringAsync();
            Assert.Contains("不能审核", Flash(refused, "error"));
        }
        // One transaction: the other result, which they could have verified, was not verified either.
        Assert.Equal(AnalysisStatus.ToBeVerified, (await AnalysisAsync(rain)).Status);
        Assert.Equal(AnalysisStatus.ToBeVerified, (await AnalysisAsync(colour)).Status);

        // In English too.
        dual.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))
        {
            var refused = await (await dual.PostAsync($"/review/{rain}/verify", form)).Content.ReadAsStringAsync();
            Assert.Equal("The person who produced a result, or who corrected it last, cannot verify it; another reviewer must.", Flash(refused, "error"));
        }
        // Someone else verifies it.
        using var reviewer = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);
        await SubmitAsync(reviewer, $"/review/{rain}", $"/review/{rain}/verify");
        Assert.Equal(AnalysisStatus.Verified, (await AnalysisAsync(rain)).Status);
    }

    [Fact]
    public async Task WhoCorrectedAResultLastCannotVerifyIt()
    {
        var both = await UserAsync(fixture, "corrector", Roles.Technician, Roles.Reviewer);
        using var dual = await fixture.App.CreateClientFor(both, DemoData.Password);
        var (_, _, colour) = await ResultsToReviewAsync(fixture);
        var html = await dual.GetStringAsync($"/analyses/{colour}/result");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = LabAppFactory.AntiforgeryToken(html[html.IndexOf("data-testid=\"result-form\"", StringComparison.Ordinal)..])!,
                   ["value"] = "3-4", ["reason"] = "灰卡选错",
               }))
            Assert.Equal(HttpStatusCode.OK, (await dual.PostAsync($"/analyses/{colour}/result", form)).StatusCode);

        var page = await dual.GetStringAsync($"/review/{colour}");
        Assert.Contains("灰卡选错", page, StringComparison.Ordinal); // the change history: why
        Assert.Matches("data-testid=\"verify\" disabled", page);
        using var form2 = new FormUrlEncodedContent(FormFields(page, $"/review/{colour}/verify"));
        var refused = await (await dual.PostAsync($"/review/{colour}/verify", form2)).Content.ReadAsStringAsync();
        Assert.Contains("不能审核", Flash(refused, "error"));
        Assert.Equal(AnalysisStatus.ToBeVerified, (await AnalysisAsync(colour)).Status);
        Assert.Equal(Technician, (await AnalysisAsync(colour)).ProducedBy);
    }

    [Fact]
    public async Task AResultCorrectedAfterTheReviewerOpenedItIsNotVerifiedUnseen()
    {
        var (_, _, colour) = await ResultsToReviewAsync(fixture);
        using var reviewer = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);
        var page = await reviewer.GetStringAsync($"/review/{colour}");

        using (var scope = fixture.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
            var request = await db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Changes)
                .SingleAsync(r => r.Samples.Any(s => s.Analyses.Any(a => a.Id == colour)));
            request.CorrectResult(request.Analyses.Single(a => a.Id == colour), 2, "重新评级", Technician, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        using var form = new FormUrlEncodedContent(FormFields(page, $"/review/{colour}/verify"));
        var after = await (await reviewer.PostAsync($"/review/{colour}/verify", form)).Content.ReadAsStringAsync();
        Assert.Contains("在您打开后已被修改（现为 2", Flash(after, "error"));
        Assert.Equal(AnalysisStatus.ToBeVerified, (await AnalysisAsync(colour)).Status);
    }

    [Fact]
    public async Task TwoReviewersVerifyingTheSameResultAtOnceOneWinsTheOtherIsTold()
    {
        var second = await UserAsync(fixture, "second-reviewer", Roles.Reviewer);
        var (_, rain, _) = await ResultsToReviewAsync(fixture);
        using var first = await fixture.App.CreateClientFor(Reviewer, DemoData.Password);
        using var other = await fixture.App.CreateClientFor(second, DemoData.Password);
        var pages = await Task.WhenAll(first.GetStringAsync($"/review/{rain}"), other.GetStringAsync($"/review/{rain}"));

        var responses = await Task.WhenAll(new[] { first, other }.Select(async (client, i) =>
        {
            using var form = new FormUrlEncodedContent(FormFields(pages[i], $"/review/{rain}/verify"));
            var response = await client.PostAsync($"/review/{rain}/verify", form);
            return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses, r => Flash(r.Html, "message").Contains("UMB-RAIN 已审核通过", StringComparison.Ordinal));
        Assert.Single(responses, r => Flash(r.Html, "error").Contains("UMB-RAIN 刚刚已由", StringComparison.Ordinal));
        var verified = await AnalysisAsync(rain);
        Assert.Equal(AnalysisStatus.Verified, verified.Status);
        Assert.Contains(verified.VerifiedBy, new[] { Reviewer, second });
    }

    [Fact]
    public async Task TheReviewPagesAreForReviewersOnly()
    {
        var (_, rain, _) = await ResultsToReviewAsync(fixture);
        using var technician = await fixture.App.CreateClientFor(Technician, DemoData.Password, allowAutoRedirect: false);
        var response = await technician.GetAsync($"/review/{rain}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        // The staff's analysis page shows the same record without the decision.
        var recordResponse = await technician.GetAsync($"/analyses/{rain}");
        var record = await recordResponse.Content.ReadAsStringAsync();
        Assert.True(recordResponse.StatusCode == HttpStatusCode.OK, $"{recordResponse.StatusCode} {recordResponse.Headers.Location} {record[..Math.Min(3000, record.Length)]}");
        Assert.Contains("data-testid=\"analysis-record\"", record, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-form", record, StringComparison.Ordinal);
    }
}
