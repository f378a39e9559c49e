using System.Net;
using Tests.Infrastructure;
using static Tests.Web.EnterpriseAccounts;

namespace Tests.Web;

/// <summary>An enterprise's users see and change only their own team and contacts; another's ids answer 404 or 403.</summary>
[Collection(AppCollection.Name)]
public sealed class EnterpriseIsolation(AppFixture fixture)
{
    [Fact]
    public async Task AClientSeesOnlyItsOwnTeamAndContacts()
    {
        var (a, clientA) = await ApprovedClientAsync(fixture, "isolation-a");
        var (b, clientB) = await ApprovedClientAsync(fixture, "isolation-b");
        using var sessionA = clientA;
        using var sessionB = clientB;

        var pageA = await clientA.GetStringAsync("/account/team");

        Assert.Contains(a.Company, pageA, StringComparison.Ordinal);
        Assert.Contains($"data-member=\"{a.Email}\"", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Email, pageA, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Company, pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("minghui-umbrella", pageA, StringComparison.Ordinal);
        // No enterprise id in the URL to change: a query string is ignored.
        var idB = (await EnterpriseAsync(fixture, b.CreditCode)).Id;
        Assert.DoesNotContain(b.Email, await clientA.GetStringAsync($"/account/team?enterpriseId={idB}&id={idB}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientCannotSwitchOrAddAnotherEnterprisesContacts()
    {
        var (a, clientA) = await ApprovedClientAsync(fixture, "isolation-a");
        var (b, clientB) = await ApprovedClientAsync(fixture, "isolation-b");
        using var sessionA = clientA;
        using var sessionB = clientB;
        var enterpriseB = await EnterpriseAsync(fixture, b.CreditCode);
        // B has two recipients, so switching one off would be allowed for B itself.
        await PostFormAsync(clientB, "/account/team", "/account/team/contacts", new Dictionary<string, string>
        {
            ["Contact.Name"] = "B 质量部", ["Contact.Email"] = NewEmail("quality-b"), ["Contact.ReceivesReports"] = "true",
        });
        var contactB = enterpriseB.Contacts.Single();

        var toggle = await PostFormAsync(clientA, "/account/team", $"/account/team/contacts/{contactB.Id}/reports",
            new Dictionary<string, string> { ["receivesReports"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, toggle.StatusCode);
        Assert.True((await EnterpriseAsync(fixture, b.CreditCode)).Contacts.Single(c => c.Id == contactB.Id).ReceivesReports);

        // A contact added by A (even naming B's id) goes to A.
        var stranger = NewEmail("stranger");
        await PostFormAsync(clientA, "/account/team", $"/account/team/contacts?enterpriseId={enterpriseB.Id}", new Dictionary<string, string>
        {
            ["Contact.Name"] = "外人", ["Contact.Email"] = stranger, ["Contact.ReceivesReports"] = "true", ["EnterpriseId"] = enterpriseB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.DoesNotContain((await EnterpriseAsync(fixture, b.CreditCode)).Contacts, c => c.Email == stranger);
        Assert.Contains((await EnterpriseAsync(fixture, a.CreditCode)).Contacts, c => c.Email == stranger);
    }

    [Fact]
    public async Task AClientCannotOpenAnotherEnterpriseOrTheApprovalPages()
    {
        var (_, clientA) = await ApprovedClientAsync(fixture, "isolation-a");
        var b = await SignUpAsync(fixture);
        using var sessionA = clientA;
        var idB = (await EnterpriseAsync(fixture, b.CreditCode)).Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await clientA.GetAsync($"/enterprises/{idB}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clientA.GetAsync("/enterprises")).StatusCode);
        var reject = await PostFormAsync(clientA, "/account/team", $"/enterprises/{idB}/reject", new Dictionary<string, string> { ["Reject.Reason"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);
        Assert.Equal(Lab.Domain.Enterprises.EnterpriseStatus.PendingApproval, (await EnterpriseAsync(fixture, b.CreditCode)).Status);
    }
}
