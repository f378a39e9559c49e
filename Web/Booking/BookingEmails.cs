using Lab.Domain.Enterprises;
using Lab.Domain.Requests;
using Microsoft.Extensions.Options;
using Web.Email;
using Web.Infrastructure;

namespace Web.Booking;

/// <summary>The emails of booking, in the request's language (a bilingual request gets Chinese then English).</summary>
public sealed class BookingEmails(EmailComposer composer, IOptions<LabOptions> options)
{
    public static string CultureOf(ReportLanguage language) => language == ReportLanguage.En ? "en" : "zh-CN";

    public ComposedEmail Submitted(TestRequest request, Enterprise enterprise, Quote quote)
    {
        var e = composer.In(CultureOf(request.ReportLanguage));
        var zh = e.Culture == "zh-CN";
        var url = $"{options.Value.PublicUrl.TrimEnd('/')}/requests/{request.Number}";
        e.Subject(e.T("Email.Submitted.Subject", request.Number!))
            .Heading(e.T("Email.Submitted.Heading", request.Number!))
            .Paragraph(e.T("Email.Greeting", enterprise.Name))
            .Paragraph(e.T("Email.Submitted.Intro", request.Number!, Lang.Date(quote.DueDate)));
        e.Row(e.T("Reception.Barcode"), e.T("Reception.Sample"), e.T("Catalog.Method"), e.T("Catalog.Price"));
        foreach (var sample in request.Samples)
            foreach (var a in sample.CurrentAnalyses)
                e.Row(sample.Barcode ?? "", $"{sample.Name} × {sample.Quantity}",
                    $"{a.MethodCode} {(zh ? a.Method?.NameZh : a.Method?.NameEn)}", Lang.Cny(a.PriceCny));
        if (quote.SurchargeCny > 0) e.Row("", "", e.T("Quote.Surcharge", quote.SurchargePercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)), Lang.Cny(quote.SurchargeCny));
        e.Row("", "", e.T("Quote.Total"), Lang.Cny(quote.TotalCny));
        e.Paragraph(e.T("Email.Submitted.LabelsAttached"))
            .Paragraph(e.T("Email.Submitted.NextSteps"))
            .Steps(e.T("Email.Submitted.Step1"), e.T("Email.Submitted.Step2", request.Number!), e.T("Email.Submitted.Step3"))
            .Link(e.T("Email.Submitted.Open"), url);
        return e.Build();
    }
}
