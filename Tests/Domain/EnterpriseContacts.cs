namespace Tests.Domain;

public class EnterpriseContacts
{
    [Fact]
    public void RegisteringContactReceivesTheReportsWithANormalizedEmail()
    {
        var enterprise = EnterpriseBuilder.Pending();

        var contact = Assert.Single(enterprise.Contacts);
        Assert.Equal("chen.jing@sunny.example", contact.Email);
        Assert.True(contact.ReceivesReports);
        Assert.Equal(["chen.jing@sunny.example"], enterprise.ReportRecipients);
    }

    [Fact]
    public void AddContactAppendsAnotherPerson()
    {
        var enterprise = EnterpriseBuilder.Approved();

        var contact = enterprise.AddContact("Liu Yang", null, "liu.yang@sunny.example", receivesReports: false);

        Assert.Equal(2, enterprise.Contacts.Count);
        Assert.False(contact.ReceivesReports);
        Assert.Equal(["chen.jing@sunny.example"], enterprise.ReportRecipients);
    }

    [Theory]
    [InlineData("chen.jing@sunny.example")]
    [InlineData(" CHEN.JING@SUNNY.EXAMPLE ")]
    public void DuplicateEmailIsRefused(string email)
    {
        var enterprise = EnterpriseBuilder.Approved();

        Expect.Refusal("contact-duplicate", () => enterprise.AddContact("Someone", null, email, true));
        Assert.Single(enterprise.Contacts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("a b@c.example")]
    public void InvalidEmailIsRefused(string email) =>
        Expect.Refusal("email-invalid", () => EnterpriseBuilder.Approved().AddContact("Someone", null, email, true));

    [Fact]
    public void SetReportRecipientAddsAndRemovesRecipients()
    {
        var enterprise = EnterpriseBuilder.Approved();
        enterprise.AddContact("Liu Yang", null, "liu.yang@sunny.example", receivesReports: false);

        enterprise.SetReportRecipient("LIU.YANG@sunny.example", true);
        enterprise.SetReportRecipient("chen.jing@sunny.example", false);

        Assert.Equal(["liu.yang@sunny.example"], enterprise.ReportRecipients);
    }

    [Fact]
    public void LastReportRecipientCannotBeRemoved()
    {
        var enterprise = EnterpriseBuilder.Approved();
        enterprise.AddContact("Liu Yang", null, "liu.yang@sunny.example", receivesReports: false);

        Expect.Refusal("contact-last-recipient", () => enterprise.SetReportRecipient("chen.jing@sunny.example", false));

        Assert.Equal(["chen.jing@sunny.example"], enterprise.ReportRecipients);
    }

    [Fact]
    public void RemovingANonRecipientWhenOnlyOneRemainsIsAllowed()
    {
        var enterprise = EnterpriseBuilder.Approved();
        enterprise.AddContact("Liu Yang", null, "liu.yang@sunny.example", receivesReports: false);

        enterprise.SetReportRecipient("liu.yang@sunny.example", false);

        Assert.Equal(["chen.jing@sunny.example"], enterprise.ReportRecipients);
    }

    [Fact]
    public void UnknownContactIsRefused() =>
        Expect.Refusal("contact-unknown", () => EnterpriseBuilder.Approved().SetReportRecipient("nobody@sunny.example", true));
}
