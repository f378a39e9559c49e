using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>The enterprise's contacts on /account/team: add one, switch reports on and off, never the last recipient off.</summary>
[Collection(AppCollection.Name)]
public sealed class ReportRecipientsPage(AppFixture fixture)
{
    private static Task<HttpResponseMessage> ToggleAsync(HttpClient client, int contactId, bool receivesReports) =>
        PostFormAsync(client, "/account/team", $"/account/team/contacts/{contactId}/reports",
            new Dictionary<string, string> { ["receivesReports"] = receivesReports ? "true" : "false" });

    private async Task<Dictionary<string, bool>> RecipientsAsync(string creditCode) =>
        (await EnterpriseAsync(fixture, creditCode)).Contacts.ToDictionary(c => c.Email, c => c.ReceivesReports);

    [Fact]
    public async Task AClientAddsAContactAndChoosesWhoReceivesTheReportsButNeverNoOne()
    {
        var (a, client) = await ApprovedClientAsync(fixture, "recipients");
        using var session = client;
        var quality = NewEmail("quality");

        var added = await PostFormAsync(client, "/account/team", "/account/team/contacts", new Dictionary<string, string>
        {
            ["Contact.Name"] = "质量部 陈工", ["Contact.Phone"] = "0595-8500 5678", ["Contact.Email"] = quality.ToUpperInvariant(),
            ["Contact.ReceivesReports"] = "false",
        });
        var page = await added.Content.ReadAsStringAsync();
        Assert.Contains($"已添加联系人 {quality.ToUpperInvariant()}", page, StringComparison.Ordinal);
        Assert.Contains($"data-contact=\"{quality}\"", page, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, bool> { [a.Email] = true, [quality] = false }, await RecipientsAsync(a.CreditCode));

        // The only recipient cannot be switched off: the domain's rule, in Chinese.
        var contacts = (await EnterpriseAsync(fixture, a.CreditCode)).Contacts.ToDictionary(c => c.Email, c => c.Id);
        var refused = await (await ToggleAsync(client, contacts[a.Email], false)).Content.ReadAsStringAsync();
        Assert.Contains("至少需保留一位报告接收人", refused, StringComparison.Ordinal);
        Assert.True((await RecipientsAsync(a.CreditCode))[a.Email]);

        // With a second recipient on, the first can go off.
        Assert.Contains("该联系人将接收检测报告", await (await ToggleAsync(client, contacts[quality], true)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("该联系人不再接收检测报告", await (await ToggleAsync(client, contacts[a.Email], false)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, bool> { [a.Email] = false, [quality] = true }, await RecipientsAsync(a.CreditCode));

        // And now the other one is the last.
        var last = await (await ToggleAsync(client, contacts[quality], false)).Content.ReadAsStringAsync();
        Assert.Contains("至少需保留一位报告接收人", last, StringComparison.Ordinal);
        Assert.True((await RecipientsAsync(a.CreditCode))[quality]);
    }

    [Fact]
    public async Task TheLastRecipientRuleIsShownInEnglishToAnEnglishUser()
    {
        // Signed up in English: signing in remembers it (the culture cookie), whatever the browser asks for.
        var (a, client) = await ApprovedClientAsync(fixture, "recipients", acceptLanguage: "en-US");
        using var session = client;
        var only = Assert.Single((await EnterpriseAsync(fixture, a.CreditCode)).Contacts);

        var html = await (await ToggleAsync(client, only.Id, false)).Content.ReadAsStringAsync();

        Assert.Contains("At least one contact must receive the reports", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContactAlreadyThereOrAMissingNameIsRefused()
    {
        var (a, client) = await ApprovedClientAsync(fixture, "recipients");
        using var session = client;

        var duplicate = await PostFormAsync(client, "/account/team", "/account/team/contacts", new Dictionary<string, string>
        {
            ["Contact.Name"] = "重复", ["Contact.Email"] = a.Email, ["Contact.ReceivesReports"] = "true",
        });
        Assert.Contains("该邮箱已是本企业的联系人", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unnamed = await PostFormAsync(client, "/account/team", "/account/team/contacts", new Dictionary<string, string>
        {
            ["Contact.Name"] = "", ["Contact.Email"] = "someone@factory.test", ["Contact.ReceivesReports"] = "true",
        });
        var html = await unnamed.Content.ReadAsStringAsync();
        Assert.Contains("请填写姓名", html, StringComparison.Ordinal);
        Assert.Contains("value=\"someone@factory.test\"", html, StringComparison.Ordinal);
        Assert.Single((await EnterpriseAsync(fixture, a.CreditCode)).Contacts);
    }
}
