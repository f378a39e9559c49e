using System.Globalization;
using Lab.Domain.Catalog;
using Lab.Domain.Requests;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Web.Reports.Fonts;

namespace Web.Reports;

/// <summary>Lays a test report out as an A4 PDF.</summary>
public interface ICertificateRenderer
{
    byte[] Render(CertificateData data);
}

/// <summary>
/// The test report (检测报告) as an A4 PDF drawn with PDFsharp: every page carries the lab, the title, the report
/// number, "page x of y" and the verification QR code; the first page holds the items of clause 7.8.2.1 (customer,
/// items, dates, methods, conclusion with its decision rule, signatures), then the results table (requirement,
/// result, item verdict) whose rows wrap and continue on new pages under a repeated header, the run curves, the
/// statements and the end-of-report mark. Chinese, English or both on every label, as the report's language says.
/// Stateless: one instance serves the app.
/// </summary>
public sealed partial class CertificateRenderer(CjkFonts fonts) : ICertificateRenderer
{
    private const double HeaderBottom = 116;
    private const double FooterTop = 800;
    private const double QrSize = 64;

    public byte[] Render(CertificateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var w = new Words(data.Language);
        var f = new ReportFonts(fonts);
        using var document = new PdfDocument();
        document.Info.Title = $"{w.L("检测报告", "Test Report")} {data.ReportNumber}";
        document.Info.Author = w.L(data.Lab.NameZh, data.Lab.NameEn);
        document.Info.Creator = "LabLims";
        document.Info.Subject = data.RequestNumber;

        using (var flow = new PageFlow(document, HeaderBottom + 8, FooterTop - 8))
        {
            flow.NewPage();
            Body(flow, data, w, f);
        }
        // Header and footer go on last: "page x of y" needs the page count.
        var pages = document.PageCount;
        for (var i = 0; i < pages; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            Header(g, data, w, f, i + 1, pages);
            Footer(g, data, w, f);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    // ---------------------------------------------------------------- every page

    private static void Header(XGraphics g, CertificateData data, Words w, ReportFonts f, int page, int pages)
    {
        var left = PageFlow.Margin;
        var right = PageFlow.PageWidth - PageFlow.Margin;
        var lab = data.Lab;
        var y = 24.0;
        if (data.Language != ReportLanguage.En)
        {
            g.DrawString(lab.NameZh, f.LabName, PageFlow.Ink, new XRect(left, y, 300, 16), XStringFormats.TopLeft);
            y += 16;
        }
        if (data.Language != ReportLanguage.Zh)
        {
            var font = data.Language == ReportLanguage.En ? f.LabName : f.Small;
            g.DrawString(lab.NameEn, font, PageFlow.Ink, new XRect(left, y, 300, 12), XStringFormats.TopLeft);
        }

        // The verification QR code, top right, with its caption.
        var qrX = right - QrSize;
        CertificateGraphics.Qr(g, data.VerificationUrl, qrX, 18, QrSize);
        g.DrawString(w.L("扫码验证", "Scan to verify"), f.Tiny, PageFlow.Ink, new XRect(qrX - 20, 18 + QrSize - 1, QrSize + 40, 8), XStringFormats.TopCenter);

        // The accreditation marks, left of the QR code (only those the lab holds and shows).
        var markX = qrX - 6;
        foreach (var (name, number) in new[] { ("CNAS", lab.PrintsCnas ? lab.CnasNumber : null), ("CMA", lab.PrintsCma ? lab.CmaNumber : null) })
        {
            if (number is null) continue;
            const double mw = 50, mh = 34;
            markX -= mw;
            var box = new XRect(markX, 24, mw, mh);
            g.DrawRoundedRectangle(new XPen(XColor.FromArgb(255, 160, 20, 20), 1.1), box, new XSize(6, 6));
            g.DrawString(name, f.Mark, new XSolidBrush(XColor.FromArgb(255, 160, 20, 20)), new XRect(markX, 27, mw, 16), XStringFormats.TopCenter);
            g.DrawString(number, f.Tiny, PageFlow.Ink, new XRect(markX, 46, mw, 8), XStringFormats.TopCenter);
            markX -= 6;
        }

        // The title.
        var centre = new XRect(left, 60, right - left, 22);
        if (data.Language == ReportLanguage.En)
            g.DrawString("Test Report", f.Title, PageFlow.Ink, centre, XStringFormats.TopCenter);
        else
        {
            g.DrawString("检 测 报 告", f.Title, PageFlow.Ink, centre, XStringFormats.TopCenter);
            if (data.Language == ReportLanguage.Bilingual)
                g.DrawString("Test Report", f.Subtitle, PageFlow.Ink, new XRect(left, 82, right - left, 12), XStringFormats.TopCenter);
        }

        // Report number, amendment, page x of y.
        const double row = 98;
        g.DrawString($"{w.Label("报告编号", "Report No.")}{data.ReportNumber}", f.BodyBold, PageFlow.Ink, new XRect(left, row, 250, 12), XStringFormats.TopLeft);
        if (data.Amendment is { } amendment)
            g.DrawString(w.L($"替代报告 {amendment.ReplacesReportNumber}", $"Replaces {amendment.ReplacesReportNumber}"), f.BodyBold, PageFlow.Ink,
                new XRect(left, row, right - left, 12), XStringFormats.TopCenter);
        g.DrawString(w.L($"第 {page} 页 共 {pages} 页", $"Page {page} of {pages}"), f.Body, PageFlow.Ink, new XRect(left, row, right - left, 12), XStringFormats.TopRight);
        g.DrawLine(new XPen(XColors.Black, 1.2), left, HeaderBottom - 4, right, HeaderBottom - 4);
        g.DrawLine(new XPen(XColors.Black, 0.4), left, HeaderBottom - 2, right, HeaderBottom - 2);
    }

    private static void Footer(XGraphics g, CertificateData data, Words w, ReportFonts f)
    {
        var left = PageFlow.Margin;
        var width = PageFlow.PageWidth - 2 * PageFlow.Margin;
        g.DrawLine(new XPen(XColors.Black, 0.4), left, FooterTop, left + width, FooterTop);
        var lines = new[]
        {
            $"{w.Label("地址", "Address")}{w.L(data.Lab.AddressZh, data.Lab.AddressEn)}    {w.Label("电话", "Tel")}{data.Lab.Phone}",
            w.L("未经本实验室书面批准，不得部分复制本报告。", "This report shall not be reproduced except in full without the written approval of the laboratory."),
        };
        var y = FooterTop + 3;
        foreach (var line in lines)
        {
            g.DrawString(line, f.Tiny, PageFlow.Ink, new XRect(left, y, width, 9), XStringFormats.TopLeft);
            y += 9;
        }
    }

    // ---------------------------------------------------------------- the flow

    private static void Body(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        if (data.Amendment is { } amendment)
        {
            var fill = new XSolidBrush(XColor.FromArgb(255, 255, 243, 205));
            flow.Table([flow.Width], null,
            [
                [new PdfCell(w.Stack($"本报告替代报告 {amendment.ReplacesReportNumber}，原报告作废。",
                    $"This report replaces report {amendment.ReplacesReportNumber}, which is withdrawn."), f.Heading, fill)],
                [new PdfCell($"{w.Label("修改原因", "Reason for amendment")}{amendment.Reason}", f.Body, fill)],
            ], f.Body);
            flow.Y += 8;
        }

        Info(flow, data, w, f);
        Samples(flow, data, w, f);
        Conclusion(flow, data, w, f);
        Signatures(flow, data, w, f);
        Results(flow, data, w, f);
        Curves(flow, data, w, f);
        Remarks(flow, data, w, f);
        Statements(flow, data, w, f);

        // The end-of-report mark right after the last item (clause 7.8.2.1 d).
        flow.Y += 6;
        flow.Centered($"—— {w.L("报告结束", "End of report")} ——", f.BodyBold);
    }

    private static void Heading(PageFlow flow, string text, ReportFonts f, double keepWith = 60)
    {
        var lh = PageFlow.LineHeight(f.Heading);
        flow.Y += 4;
        flow.Ensure(lh + keepWith);
        flow.G.DrawRectangle(XBrushes.Black, flow.Left, flow.Y + 2, 2.5, lh - 4);
        flow.G.DrawString(text, f.Heading, PageFlow.Ink, new XRect(flow.Left + 7, flow.Y, flow.Width, lh), XStringFormats.TopLeft);
        flow.Y += lh + 3;
    }

    private static void Info(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        PdfCell Key(string zh, string en) => new(w.L(zh, en), f.TableBold, PageFlow.LabelFill);
        PdfCell Val(string text) => new(text, f.Table);
        var rows = new List<IReadOnlyList<PdfCell>>
        {
            new[] { Key("委托单位", "Customer"), Val(data.Customer.Name) },
            new[] { Key("委托单位地址", "Customer address"), Val(data.Customer.Address) },
            new[] { Key("联系人 / 电话", "Contact / phone"), Val(string.IsNullOrWhiteSpace(data.Customer.Phone) ? data.Customer.Contact : $"{data.Customer.Contact}  {data.Customer.Phone}") },
        };
        if (data.Producer is { } producer)
            rows.Add([Key("生产单位", "Manufacturer"), Val(producer.Address is null ? producer.Name : $"{producer.Name}，{producer.Address}")]);
        rows.Add([Key("委托单号", "Request No."), Val(data.RequestNumber)]);
        rows.Add([Key("检测依据", "Test methods"), Val(string.Join(w.Separator, data.Results.SelectMany(r => CertificateBuilder.Standards(r.Standard)).Distinct().Select(Unbroken)))]);
        rows.Add([Key("收样日期", "Date of receipt"), Val(string.Join(w.Separator, data.ReceiptDates.Select(Date)))]);
        rows.Add([Key("检测日期", "Date(s) of testing"), Val(Range(data.TestedFrom, data.TestedTo))]);
        rows.Add([Key("签发日期", "Date of issue"), Val(Date(DateOnly.FromDateTime(data.IssuedAt)))]);
        rows.Add([Key("检测地点", "Place of testing"), Val(w.T(data.TestLocation ?? new CertificateText(data.Lab.AddressZh, data.Lab.AddressEn)))]);
        rows.Add([Key("抽样", "Sampling"), Val(w.T(data.Sampling))]);
        if (data.TestConditions.Count > 0)
            rows.Add([Key("检测环境条件", "Test conditions"), Val(string.Join("\n", data.TestConditions.Select(w.T)))]);
        rows.Add([Key("判定规则", "Decision rule"), Val(data.DecisionRuleKind == DecisionRule.GuardBand
            ? w.L("保护带（扩展不确定度 U，k=2）", "Guard band (expanded uncertainty U, k = 2)")
            : w.L("简单接受", "Simple acceptance"))]);
        var keyWidth = data.Language == ReportLanguage.Bilingual ? 128 : data.Language == ReportLanguage.En ? 96 : 72;
        Heading(flow, w.L("委托信息", "Request"), f);
        flow.Table([keyWidth, flow.Width - keyWidth], null, rows, f.Table);
    }

    private static void Samples(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        Heading(flow, w.L("样品信息", "Items tested"), f);
        double[] widths = [72, 92, 64, 50, 50, 42, 52, 0];
        widths[^1] = flow.Width - widths.Sum();
        var header = Header(w, f, ("样品编号", "Sample No."), ("样品名称", "Description"), ("规格型号", "Model"), ("商标", "Brand"),
            ("批号", "Batch"), ("数量", "Quantity"), ("收样日期", "Received"), ("样品状态", "Condition"));
        var rows = data.Samples.Select(s => (IReadOnlyList<PdfCell>)
        [
            new PdfCell(s.Barcode), new PdfCell(s.Name), new PdfCell(s.Model ?? "—"), new PdfCell(s.Brand ?? "—"), new PdfCell(s.Batch ?? "—"),
            new PdfCell((s.ReceivedQuantity ?? s.Quantity).ToString(CultureInfo.InvariantCulture), Align: XStringAlignment.Center),
            new PdfCell(Date(s.ReceivedOn)),
            new PdfCell(w.Stack(CertificateBuilder.ConditionZh(s.Condition), Capital(CertificateBuilder.ConditionEn(s.Condition)))
                + (string.IsNullOrWhiteSpace(s.DeviationNote) ? "" : $"\n{s.DeviationNote}")),
        ]);
        flow.Table(widths, header, rows, f.Table);
    }

    private static void Conclusion(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        Heading(flow, w.L("检测结论", "Conclusion"), f);
        PdfCell Key(string zh, string en) => new(w.L(zh, en), f.TableBold, PageFlow.LabelFill);
        var keyWidth = data.Language == ReportLanguage.Bilingual ? 128 : data.Language == ReportLanguage.En ? 96 : 72;
        flow.Table([keyWidth, flow.Width - keyWidth], null,
        [
            [Key("结论", "Verdict"), new PdfCell(VerdictText(w, data.Conclusion, stacked: false), f.Verdict)],
            [Key("说明", "Statement"), new PdfCell(w.T(data.ConclusionText), f.Table)],
            [Key("判定规则", "Decision rule"), new PdfCell(w.T(data.DecisionRule), f.Table)],
        ], f.Table);
    }

    private static void Signatures(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        flow.Y += 8;
        PdfCell Sign(string zh, string en, CertificateSignature s) =>
            new($"{w.L(zh, en)}\n{s.Name}\n{(s.At is { } at ? Time(at) : "")}", f.Table);
        var quarter = flow.Width / 4;
        flow.Table([quarter, quarter, quarter, flow.Width - 3 * quarter], null,
        [
            [
                Sign("主检", "Tested by", data.TestedBy), Sign("审核", "Reviewed by", data.ReviewedBy), Sign("批准", "Approved by", data.ApprovedBy),
                new PdfCell($"{w.L("签发日期", "Date of issue")}\n{Date(DateOnly.FromDateTime(data.IssuedAt))}\n{w.L("（检验检测专用章）", "(Laboratory seal)")}", f.Table),
            ],
        ], f.Table);
    }

    private static void Results(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        Heading(flow, w.L("检测结果", "Test results"), f, keepWith: 90);
        var bilingual = data.Language == ReportLanguage.Bilingual;
        double[] widths = bilingual ? [24, 64, 86, 72, 90, 58, 42, 0] : [24, 66, 84, 72, 98, 56, 40, 0];
        widths[^1] = flow.Width - widths.Sum();
        var header = Header(w, f, ("序号", "No."), ("样品编号", "Sample No."), ("检测项目", "Test item"), ("检测依据", "Method"),
            ("标准要求", "Requirement"), ("检测结果", "Result"), ("单项判定", "Verdict"), ("检测日期 / 仪器", "Test date / instrument"));
        var guardBand = data.DecisionRuleKind == DecisionRule.GuardBand;
        var rows = data.Results.Select((r, i) =>
        {
            var result = w.T(r.Result);
            if (r.Unit.Length > 0) result = string.Join("\n", result.Split('\n').Select(line => $"{line} {r.Unit}"));
            if (guardBand && r.ExpandedUncertainty is { } u && r.Unit.Length > 0)
                result += $"\nU = {u.ToString("0.###", CultureInfo.InvariantCulture)} {r.Unit} (k=2)";
            var when = r.TestedFrom == r.TestedTo ? Date(r.TestedFrom) : $"{Date(r.TestedFrom)} ~\n{Date(r.TestedTo)}";
            return (IReadOnlyList<PdfCell>)
            [
                new PdfCell((i + 1).ToString(CultureInfo.InvariantCulture), Align: XStringAlignment.Center),
                new PdfCell(r.SampleBarcode),
                new PdfCell($"{w.T(r.MethodName)}\n{r.MethodCode}{(r.Subcontracted ? " *" : "")}"),
                new PdfCell(Unbroken(r.Standard)),
                new PdfCell(w.T(r.Requirement)),
                new PdfCell(result),
                new PdfCell(VerdictText(w, r.Verdict, stacked: true), r.Verdict == Verdict.Pass ? null : f.TableBold, Align: XStringAlignment.Center),
                new PdfCell(r.InstrumentCode is null ? when : $"{when}\n{r.InstrumentCode}"),
            ];
        });
        flow.Table(widths, header, rows, f.Table);
        if (data.Results.Any(r => r.Subcontracted))
        {
            var providers = data.Results.Where(r => r.Subcontracted && !string.IsNullOrWhiteSpace(r.Subcontractor)).Select(r => r.Subcontractor!).Distinct().ToList();
            var (zh, en) = providers.Count == 0
                ? ("注：标 * 的项目为分包项目，由外部检测机构完成。", "Note: items marked * were subcontracted to an external provider.")
                : ($"注：标 * 的项目为分包项目，由外部检测机构（{string.Join("、", providers)}）完成。",
                    $"Note: items marked * were subcontracted to an external provider ({string.Join(", ", providers)}).");
            flow.Y += 2;
            flow.Paragraph(w.Stack(zh, en), f.Small);
        }
    }

    private static void Curves(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        var withCurves = data.Results.Where(r => r.Curve is { Series.Count: > 0 }).ToList();
        if (withCurves.Count == 0) return;
        const double chartHeight = 175;
        var captionHeight = PageFlow.LineHeight(f.TableBold) + 2;
        Heading(flow, w.L("检测曲线", "Curves"), f, keepWith: captionHeight + chartHeight);
        foreach (var r in withCurves)
        {
            flow.Ensure(captionHeight + chartHeight + 6);
            flow.G.DrawString($"{r.SampleBarcode} · {r.MethodCode} {w.L(r.MethodName.Zh, r.MethodName.En)}", f.TableBold, PageFlow.Ink,
                new XRect(flow.Left, flow.Y, flow.Width, captionHeight), XStringFormats.TopLeft);
            flow.Y += captionHeight;
            var curve = r.Curve!;
            string Title(CertificateText label, string unit) => w.L(label.Zh, label.En) + (unit.Length > 0 ? $" ({unit})" : "");
            CertificateGraphics.Chart(flow.G, curve, new XRect(flow.Left, flow.Y, flow.Width, chartHeight), f.Small,
                Title(curve.XLabel, curve.XUnit), Title(curve.YLabel, curve.YUnit));
            flow.Y += chartHeight + 6;
        }
    }

    private static void Remarks(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        if (data.Remarks.Count == 0) return;
        Heading(flow, w.L("备注", "Remarks"), f, keepWith: 24);
        var n = 1;
        foreach (var remark in data.Remarks)
            flow.Numbered(n++, w.T(remark), f.Body);
    }

    private static void Statements(PageFlow flow, CertificateData data, Words w, ReportFonts f)
    {
        Heading(flow, w.L("声明", "Statements"), f, keepWith: 40);
        CertificateText[] statements =
        [
            new("本报告仅对来样负责。", "The results relate only to the items tested."),
            new("未经本实验室书面批准，不得部分复制本报告。", "This report shall not be reproduced except in full without the written approval of the laboratory."),
            new("本报告无主检、审核、批准人签字或未加盖本实验室检验检测专用章无效。",
                "This report is not valid without the signatures of the tester, reviewer and approver and the laboratory's seal."),
            new("对本报告如有异议，请于收到报告之日起十五日内向本实验室提出。", "Any objection to this report should be raised with the laboratory within 15 days of its receipt."),
            new($"扫描页眉的二维码或访问 {data.VerificationUrl} 核验本报告。", $"Scan the QR code in the header or visit {data.VerificationUrl} to verify this report."),
        ];
        for (var i = 0; i < statements.Length; i++)
            flow.Numbered(i + 1, w.T(statements[i]), f.Body, after: 1);
    }

    // ---------------------------------------------------------------- helpers

    private static List<PdfCell> Header(Words w, ReportFonts f, params (string Zh, string En)[] labels) =>
        labels.Select(l => new PdfCell(w.Stack(l.Zh, l.En), f.TableBold, PageFlow.HeaderFill, XStringAlignment.Center)).ToList();

    private static string VerdictText(Words w, Verdict verdict, bool stacked)
    {
        var (zh, en) = verdict switch
        {
            Verdict.Pass => ("合格", "Pass"),
            Verdict.Fail => ("不合格", "Fail"),
            _ => ("无法判定", "Inconclusive"),
        };
        return stacked ? w.Stack(zh, en) : w.L(zh, en);
    }

    /// <summary>A standard's number stays on one line with its prefix: "GB/T 23147-2018", not "GB/T" then "23147-2018".</summary>
    private static string Unbroken(string standard) => NumberAfterSpace().Replace(standard, "\u00A0");

    [System.Text.RegularExpressions.GeneratedRegex(@" (?=\d)")]
    private static partial System.Text.RegularExpressions.Regex NumberAfterSpace();

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    private static string Range(DateOnly from, DateOnly to) => from == to ? Date(from) : $"{Date(from)} ~ {Date(to)}";

    /// <summary>Labels in the report's language: one of them, or both ("样品名称 Sample name").</summary>
    private sealed class Words(ReportLanguage language)
    {
        public string L(string zh, string en) => language switch
        {
            ReportLanguage.Zh => zh,
            ReportLanguage.En => en,
            _ => zh == en ? zh : $"{zh} {en}",
        };

        /// <summary>Both languages on two lines (table headers, verdicts).</summary>
        public string Stack(string zh, string en) => language switch
        {
            ReportLanguage.Zh => zh,
            ReportLanguage.En => en,
            _ => zh == en ? zh : $"{zh}\n{en}",
        };

        public string T(CertificateText text) => Stack(text.Zh, text.En);

        /// <summary>Between items of a list: Chinese punctuation wherever Chinese is printed.</summary>
        public string Separator => language == ReportLanguage.En ? "; " : "；";

        /// <summary>A label followed by its colon: "报告编号：", "Report No.: ", "报告编号 Report No.: ".</summary>
        public string Label(string zh, string en) => language switch
        {
            ReportLanguage.Zh => zh + "：",
            ReportLanguage.En => en + ": ",
            _ => $"{zh} {en}: ",
        };
    }

    private sealed class ReportFonts(CjkFonts fonts)
    {
        public XFont Title { get; } = fonts.PdfFont(17, bold: true);
        public XFont Subtitle { get; } = fonts.PdfFont(10);
        public XFont LabName { get; } = fonts.PdfFont(11, bold: true);
        public XFont Mark { get; } = fonts.PdfFont(12, bold: true);
        public XFont Heading { get; } = fonts.PdfFont(10, bold: true);
        public XFont Verdict { get; } = fonts.PdfFont(12, bold: true);
        public XFont Body { get; } = fonts.PdfFont(8.5);
        public XFont BodyBold { get; } = fonts.PdfFont(8.5, bold: true);
        public XFont Table { get; } = fonts.PdfFont(7.5);
        public XFont TableBold { get; } = fonts.PdfFont(7.5, bold: true);
        public XFont Small { get; } = fonts.PdfFont(7);
        public XFont Tiny { get; } = fonts.PdfFont(6);
    }
}
