using Lab.Domain.Common;

namespace Lab.Domain.Enterprises;

public enum EnterpriseStatus { PendingApproval, Approved, Rejected, Suspended }

/// <summary>A person at the enterprise the lab deals with (联系人); some receive the reports.</summary>
public sealed class EnterpriseContact
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string Email { get; private set; } = "";
    public bool ReceivesReports { get; private set; }

    private EnterpriseContact() { } // for EF

    internal EnterpriseContact(string name, string? phone, string email, bool receivesReports)
    {
        Name = Guard.Text(name, nameof(name), 100);
        Phone = Guard.OptionalText(phone, nameof(phone), 40);
        Email = EmailAddress.Normalize(email);
        ReceivesReports = receivesReports;
    }

    internal void SetReceivesReports(bool value) => ReceivesReports = value;
}

/// <summary>A client organization (委托单位): a manufacturer that books tests.</summary>
public class Enterprise
{
    private readonly List<EnterpriseContact> _contacts = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public CreditCode CreditCode { get; private set; } = null!;
    public string Address { get; private set; } = "";
    public EnterpriseStatus Status { get; private set; } = EnterpriseStatus.PendingApproval;
    public string? RejectionReason { get; private set; }
    public DateTime RegisteredAt { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public IReadOnlyList<EnterpriseContact> Contacts => _contacts;

    private Enterprise() { } // for EF

    public Enterprise(string name, CreditCode creditCode, string address, string contactName, string? contactPhone,
        string contactEmail, DateTime registeredAt)
    {
        Name = Guard.Text(name, nameof(name), 200);
        CreditCode = creditCode ?? throw new DomainException("required", "The unified social credit code is required.");
        Address = Guard.Text(address, nameof(address), 300);
        RegisteredAt = Guard.Utc(registeredAt, nameof(registeredAt));
        _contacts.Add(new EnterpriseContact(contactName, contactPhone, contactEmail, receivesReports: true));
    }

    public bool IsApproved => Status == EnterpriseStatus.Approved;

    public void Approve(string approvedBy, DateTime at)
    {
        if (Status is not (EnterpriseStatus.PendingApproval or EnterpriseStatus.Suspended))
            throw new DomainException("enterprise-not-pending", $"Enterprise {Name} is {Status} and cannot be approved.");
        var by = Guard.Text(approvedBy, nameof(approvedBy));
        var when = Guard.Utc(at, nameof(at));
        Status = EnterpriseStatus.Approved;
        RejectionReason = null;
        ApprovedBy = by;
        ApprovedAt = when;
    }

    public void Reject(string reason)
    {
        if (Status != EnterpriseStatus.PendingApproval)
            throw new DomainException("enterprise-not-pending", $"Enterprise {Name} is {Status} and cannot be rejected.");
        RejectionReason = Guard.Text(reason, nameof(reason), 500);
        Status = EnterpriseStatus.Rejected;
    }

    public void Suspend(string reason)
    {
        if (Status != EnterpriseStatus.Approved)
            throw new DomainException("enterprise-not-approved", $"Enterprise {Name} is {Status} and cannot be suspended.");
        RejectionReason = Guard.Text(reason, nameof(reason), 500);
        Status = EnterpriseStatus.Suspended;
    }

    public void UpdateDetails(string name, string address)
    {
        Name = Guard.Text(name, nameof(name), 200);
        Address = Guard.Text(address, nameof(address), 300);
    }

    public EnterpriseContact AddContact(string name, string? phone, string email, bool receivesReports)
    {
        var contact = new EnterpriseContact(name, phone, email, receivesReports);
        if (_contacts.Any(c => c.Email == contact.Email))
            throw new DomainException("contact-duplicate", $"{contact.Email} is already a contact of {Name}.");
        _contacts.Add(contact);
        return contact;
    }

    public void SetReportRecipient(string email, bool receivesReports)
    {
        var normalized = EmailAddress.Normalize(email);
        var contact = _contacts.SingleOrDefault(c => c.Email == normalized)
            ?? throw new DomainException("contact-unknown", $"{normalized} is not a contact of {Name}.");
        if (!receivesReports && contact.ReceivesReports && _contacts.Count(c => c.ReceivesReports) == 1)
            throw new DomainException("contact-last-recipient", "At least one contact must receive the reports.");
        contact.SetReceivesReports(receivesReports);
    }

    public IEnumerable<string> ReportRecipients => _contacts.Where(c => c.ReceivesReports).Select(c => c.Email);
}
