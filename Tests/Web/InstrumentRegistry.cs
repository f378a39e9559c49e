using System.Net;
using Lab.Data.Seed;
using Tests.Infrastructure;

namespace Tests.Web;

[Collection(AppCollection.Name)]
public sealed class InstrumentRegistry(AppFixture fixture)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = LabAppFactory.AntiforgeryToken(html[html.IndexOf(action, StringComparison.Ordinal)..])!;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, form);
    }

    [Fact]
    public async Task AnExpiredInstrumentSaysItCannotRunUntilANewCalibrationIsRecorded()
    {
        using var admin = await fixture.App.CreateClientFor("admin@lablims.test", DemoData.Password);
        var page = await admin.GetStringAsync("/instruments/UTM-03");
        Assert.Contains("data-testid=\"cannot-run\"", page, StringComparison.Ordinal);
        Assert.Contains("UMB-FRAME", page, StringComparison.Ordinal); // a universal testing machine runs frame strength

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var bad = await PostAsync(admin, "/instruments/UTM-03", "/instruments/UTM-03/calibrations", new()
        {
            ["certificate"] = "JZ2026-09999", ["calibratedOn"] = today.ToString("yyyy-MM-dd"), ["dueOn"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Contains("校准到期日须晚于校准日期", await bad.Content.ReadAsStringAsync());

        var ok = await PostAsync(admin, "/instruments/UTM-03", "/instruments/UTM-03/calibrations", new()
        {
            ["certificate"] = "JZ2026-09999", ["calibratedOn"] = today.ToString("yyyy-MM-dd"), ["dueOn"] = today.AddYears(1).ToString("yyyy-MM-dd"),
        });
        var after = await ok.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"cannot-run\"", after, StringComparison.Ordinal);
        Assert.Contains("JZ2026-09999", after, StringComparison.Ordinal);
        Assert.Contains("JZ2025-00877", after, StringComparison.Ordinal); // the history keeps the old one

        // Put it back as the demo has it for other tests: out of service is also "cannot run".
        await PostAsync(admin, "/instruments/UTM-03", "/instruments/UTM-03/service", new() { ["inService"] = "false", ["reason"] = "送检 sent for repair" });
        Assert.Contains("data-testid=\"cannot-run\"", await admin.GetStringAsync("/instruments/UTM-03"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnAdminRecordsCalibrations()
    {
        using var technician = await fixture.App.CreateClientFor("technician@lablims.test", DemoData.Password, allowAutoRedirect: false);
        var page = await technician.GetStringAsync("/instruments/UTM-01");
        Assert.DoesNotContain("record-calibration", page, StringComparison.Ordinal);
        var token = LabAppFactory.AntiforgeryToken(page)!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["certificate"] = "x", ["calibratedOn"] = "2026-01-01", ["dueOn"] = "2027-01-01", ["__RequestVerificationToken"] = token });
        var response = await technician.PostAsync("/instruments/UTM-01/calibrations", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
