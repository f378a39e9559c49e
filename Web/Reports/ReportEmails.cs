using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.Extensions.Options;
using Web.Booking;
using Web.Email;
using Web.Infrastructure;

namespace Web.Reports;

/// <summary>The email that carries an issued report (PDF attached), in the request's language, with a short summary.</summary>
public sealed class ReportEmails(EmailComposer composer, IOptions<LabOptions> options)
{
    public const string Purpose = "report-issued";

    public ComposedEmail Issued(TestRequest request, Enterprise enterprise, Report report, string? replacedNumber)
    {
        var e = composer.In(BookingEmails.CultureOf(request.ReportLanguage));
        var zh = e.Culture == "zh-CN";
        var baseUrl = options.Value.PublicUrl.TrimEnd('/');
        var analyses = request.Samples.SelectMany(s => s.CurrentAnalyses.Select(a => (s, a))).ToList();
        var conclusion = ReportConclusion.Of(request); // the lab's one rule, as on the certificate and the verification page
        e.Subject(e.T(replacedNumber is null ? "Email.Report.Subject" : "Email.Report.AmendedSubject", report.Number, request.Number!))
            .Heading(e.T("Email.Report.Heading", report.Number))
            .Paragraph(e.T("Email.Greeting", enterprise.Name))
            .Paragraph(e.T("Email.Report.Intro", request.Number!, Lang.Time(report.IssuedAt), report.Number));
        if (replacedNumber is not null)
            e.Paragraph(e.T("Email.Report.Replaces", replacedNumber, report.AmendmentReason ?? ""));
        e.Paragraph(e.T("Email.Report.Conclusion", e.T("Verdict." + conclusion)));
        e.Row(e.T("Reception.Barcode"), e.T("Reception.Sample"), e.T("Catalog.Method"), e.T("Requests.Result"), e.T("Requests.Verdict"));
        foreach (var (s, a) in analyses)
            e.Row(s.Barcode ?? "", s.Name, $"{a.MethodCode} {(zh ? a.Method?.NameZh : a.Method?.NameEn)}",
                a.ResultText is "Pass" or "Fail" ? e.T("Verdict." + a.ResultText) : $"{a.ResultText} {a.Unit}".Trim(),
                a.Verdict is { } v ? e.T("Verdict." + v) : "");
        e.Paragraph(e.T("Email.Report.Attached", report.Number))
            .Paragraph(e.T("Email.Report.Verify"))
            .Link(e.T("Email.Report.VerifyLink"), $"{baseUrl}/verify/{report.VerificationCode}")
            .Link(e.T("Email.Report.Open"), $"{baseUrl}/requests/{request.Number}");
        return e.Build();
    }
}
