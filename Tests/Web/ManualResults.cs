using System.Net;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tests.Infrastructure;
using Web.Booking;

namespace Tests.Web;

/// <summary>A technician enters what a person reads (grades, pass/fail); a change needs a reason and keeps the old value.</summary>
[Collection(AppCollection.Name)]
public sealed class ManualResults(AppFixture fixture)
{
    private async Task<(int Rain, int Colour, int Frame)> ReceivedRequestAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Name == "晋江明辉伞业有限公司");
        var request = await booking.SaveDraftAsync(null, new BookingInput
        {
            Samples = [new SampleInput { Name = "晴雨伞", Quantity = 1, Methods = ["UMB-RAIN", "UMB-CF", "UMB-FRAME"] }],
        }, enterprise, "client@minghui-umbrella.test", await booking.ActiveMethodsAsync());
        await booking.SubmitAsync(request, enterprise);
        request.ReceiveSample(request.Samples[0], "reception@lablims.test", DateTime.UtcNow, 1, SampleCondition.Intact, null);
        await db.SaveChangesAsync();
        var ids = request.Samples[0].Analyses.ToDictionary(a => a.MethodCode, a => a.Id);
        return (ids["UMB-RAIN"], ids["UMB-CF"], ids["UMB-FRAME"]);
    }

    private static async Task<string> PostAsync(HttpClient client, int id, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/analyses/{id}/result");
        fields["__RequestVerificationToken"] = LabAppFactory.AntiforgeryToken(page[page.IndexOf("data-testid=\"result-form\"", StringComparison.Ordinal)..])!;
        using var form = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync($"/analyses/{id}/result", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task GradesAndFindingsAreEnteredJudgedAndCorrectedWithAReason()
    {
        var (rain, colour, frame) = await ReceivedRequestAsync();
        using var technician = await fixture.App.CreateClientFor("technician@lablims.test", DemoData.Password);

        var afterRain = await PostAsync(technician, rain, new() { ["value"] = "pass" });
        Assert.Contains("UMB-RAIN：已记录 合格", afterRain);
        var afterGrade = await PostAsync(technician, colour, new() { ["value"] = "2-3" });
        Assert.Contains("2-3", afterGrade);

        // A change without a reason is refused and nothing changes; with a reason the old grade stays on record.
        var refused = await PostAsync(technician, colour, new() { ["value"] = "3-4" });
        Assert.Contains("请填写修改结果的原因", refused);
        var corrected = await PostAsync(technician, colour, new() { ["value"] = "3-4", ["reason"] = "评级时灰卡选错" });
        Assert.Contains("data-testid=\"result-changes\"", corrected, StringComparison.Ordinal);
        Assert.Contains("评级时灰卡选错", corrected);

        // A measured value is not typed in: it comes from an instrument run.
        var page = await technician.GetStringAsync($"/analyses/{frame}/result");
        Assert.Contains("data-testid=\"instrument-only\"", page, StringComparison.Ordinal);

        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var cf = await db.Analyses.Include(a => a.Changes).SingleAsync(a => a.Id == colour);
        Assert.Equal(("3-4", Verdict.Pass), (cf.ResultText, cf.Verdict));
        var change = Assert.Single(cf.Changes);
        Assert.Equal(("2-3", (Verdict?)Verdict.Fail), (change.OldText, change.OldVerdict));
        Assert.Equal("technician@lablims.test", cf.ProducedBy);
        Assert.Equal(AnalysisStatus.ToBeVerified, (await db.Analyses.SingleAsync(a => a.Id == rain)).Status);
        Assert.Null((await db.Analyses.SingleAsync(a => a.Id == frame)).ResultText);
    }
}
