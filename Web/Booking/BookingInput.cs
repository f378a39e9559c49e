using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Web.Booking;

/// <summary>A request as an enterprise describes it, from the booking page or the API.</summary>
public sealed class BookingInput
{
    public List<SampleInput> Samples { get; set; } = [];
    public DecisionRule DecisionRule { get; set; } = DecisionRule.SimpleAcceptance;
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public ReportLanguage ReportLanguage { get; set; } = ReportLanguage.Zh;
    public SampleDisposal SampleDisposal { get; set; } = SampleDisposal.Dispose;
    public bool SubcontractingAllowed { get; set; }
    public string? Notes { get; set; }
    /// <summary>The manufacturer (生产单位) when it is not the enterprise booking; both empty when it is.</summary>
    public string? ProducerName { get; set; }
    public string? ProducerAddress { get; set; }
    /// <summary>Email addresses that receive the report; empty means the enterprise's report recipients.</summary>
    public List<string> ReportRecipients { get; set; } = [];
}

public sealed class SampleInput
{
    public string? Name { get; set; }
    public string? Model { get; set; }
    public string? Brand { get; set; }
    public string? Batch { get; set; }
    public int Quantity { get; set; } = 1;
    public string? Description { get; set; }
    public List<string> Methods { get; set; } = [];
}

/// <summary>
/// A problem with one field, e.g. samples[0].quantity: a message key and its arguments, turned into text in
/// the user's language by whoever shows it.
/// </summary>
public sealed record BookingError(string Path, string Key, params object[] Args);
