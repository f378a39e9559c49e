using Lab.Domain.Enterprises;
using Lab.Domain.Requests;
using Microsoft.Extensions.Options;
using Web.Booking;
using Web.Email;
using Web.Infrastructure;

namespace Web.Samples;

/// <summary>What the enterprise hears from reception: a deviation to discuss, and that all samples are in.</summary>
public sealed class SampleEmails(EmailComposer composer, IOptions<LabOptions> options)
{
    private string Url(TestRequest r) => $"{options.Value.PublicUrl.TrimEnd('/')}/requests/{r.Number}";

    public ComposedEmail Deviation(TestRequest request, Sample sample, Enterprise enterprise)
    {
        var e = composer.In(BookingEmails.CultureOf(request.ReportLanguage));
        return e.Subject(e.T("Email.Deviation.Subject", request.Number!, sample.Barcode!))
            .Heading(e.T("Email.Deviation.Heading", sample.Barcode!))
            .Paragraph(e.T("Email.Greeting", enterprise.Name))
            .Paragraph(e.T("Email.Deviation.Intro", sample.Name, sample.Barcode!, request.Number!))
            .Row(e.T("Email.Deviation.Declared"), $"{sample.Quantity} · {sample.Description ?? "—"}")
            .Row(e.T("Email.Deviation.Found"), $"{sample.ReceivedQuantity} · {e.T("SampleCondition." + sample.ConditionOnReceipt)}: {sample.ReceiptNote}")
            .Paragraph(e.T("Email.Deviation.Ask"))
            .Link(e.T("Email.Submitted.Open"), Url(request))
            .Build();
    }

    public ComposedEmail AllReceived(TestRequest request, Enterprise enterprise)
    {
        var e = composer.In(BookingEmails.CultureOf(request.ReportLanguage));
        e.Subject(e.T("Email.Received.Subject", request.Number!))
            .Heading(e.T("Email.Received.Heading", request.Number!))
            .Paragraph(e.T("Email.Greeting", enterprise.Name))
            .Paragraph(e.T("Email.Received.Intro", request.Number!, Lang.Date(request.DueDate)));
        foreach (var s in request.Samples)
            e.Row(s.Barcode ?? "", s.Name, e.T("SampleCondition." + (s.ConditionOnReceipt ?? SampleCondition.Intact)));
        return e.Link(e.T("Email.Submitted.Open"), Url(request)).Build();
    }
}
