using Lab.Domain.Reports;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ReportIssue
{
    private const string Sha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    [Fact]
    public void NewReportIsIssuedWhenApproved()
    {
        var report = ReportBuilder.For(requestId: 3);

        Assert.Equal(ReportStatus.Issued, report.Status);
        Assert.Equal(report.ApprovedAt, report.IssuedAt);
        Assert.Null(report.PdfSha256);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short")]
    [InlineData("0123456789abcde")]
    public void ShortVerificationCodeIsRefused(string code) =>
        Expect.Refusal("verification-code", () => ReportBuilder.For(3, verificationCode: code));

    [Fact]
    public void SixteenCharacterVerificationCodeIsAccepted() =>
        Assert.Equal("0123456789abcdef", ReportBuilder.For(3, verificationCode: "0123456789abcdef").VerificationCode);

    [Fact]
    public void ReportNeedsARequest() =>
        Expect.Refusal("required", () => ReportBuilder.For(requestId: 0));

    [Fact]
    public void ReportNeedsItsSignatories()
    {
        Expect.Refusal("required", () => new Report("BG2026-00042", 3, ReportLanguage.Zh, ReportBuilder.Code, " ", "b", LabDay.Now, "c", LabDay.Now));
        Expect.Refusal("required", () => new Report("BG2026-00042", 3, ReportLanguage.Zh, ReportBuilder.Code, "a", "", LabDay.Now, "c", LabDay.Now));
        Expect.Refusal("required", () => new Report("BG2026-00042", 3, ReportLanguage.Zh, ReportBuilder.Code, "a", "b", LabDay.Now, " ", LabDay.Now));
        Expect.Refusal("required", () => new Report(" ", 3, ReportLanguage.Zh, ReportBuilder.Code, "a", "b", LabDay.Now, "c", LabDay.Now));
    }

    [Fact]
    public void AttachPdfStoresTheHashInLowerCase()
    {
        var report = ReportBuilder.For(3);

        report.AttachPdf(Sha256, "reports/2026/BG2026-00042.pdf");

        Assert.Equal(Sha256.ToLowerInvariant(), report.PdfSha256);
        Assert.Equal("reports/2026/BG2026-00042.pdf", report.PdfPath);
    }

    [Fact]
    public void AttachPdfTwiceIsRefused()
    {
        var report = ReportBuilder.For(3);
        report.AttachPdf(Sha256, "reports/a.pdf");

        Expect.Refusal("report-pdf-attached", () => report.AttachPdf(new string('0', 64), "reports/b.pdf"));

        Assert.Equal(Sha256.ToLowerInvariant(), report.PdfSha256);
        Assert.Equal("reports/a.pdf", report.PdfPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g")]
    [InlineData(" 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    public void MalformedHashIsRefused(string sha256)
    {
        var report = ReportBuilder.For(3);

        Expect.Refusal("report-pdf-hash", () => report.AttachPdf(sha256, "reports/a.pdf"));
        Assert.Null(report.PdfSha256);
    }

    [Fact]
    public void AttachPdfWithoutAPathLeavesThePdfUnattached()
    {
        var report = ReportBuilder.For(3);

        Expect.Refusal("required", () => report.AttachPdf(Sha256, " "));

        Assert.Null(report.PdfSha256);
        report.AttachPdf(Sha256, "reports/a.pdf");
        Assert.Equal("reports/a.pdf", report.PdfPath);
    }
}
