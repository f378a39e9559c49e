using Lab.Domain.Reports;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ReportAmendment
{
    [Fact]
    public void SupersedeWithLinksTheAmendmentAndMarksTheOriginal()
    {
        var original = ReportBuilder.For(3, "BG2026-00042");
        var amendment = ReportBuilder.For(3, "BG2026-00043");

        original.SupersedeWith(amendment, " Model number misspelt ");

        Assert.Equal(ReportStatus.Superseded, original.Status);
        Assert.Same(amendment, original.SupersededBy);
        Assert.Same(original, amendment.Supersedes);
        Assert.Equal("Model number misspelt", amendment.AmendmentReason);
        Assert.Equal(ReportStatus.Issued, amendment.Status);
    }

    [Fact]
    public void AmendmentFromAnotherRequestIsRefused()
    {
        var original = ReportBuilder.For(3, "BG2026-00042");
        var other = ReportBuilder.For(4, "BG2026-00043");

        Expect.Refusal("report-amendment", () => original.SupersedeWith(other, "Wrong request"));

        Assert.Equal(ReportStatus.Issued, original.Status);
        Assert.Null(other.Supersedes);
    }

    [Fact]
    public void ReportCannotAmendItself()
    {
        var original = ReportBuilder.For(3);

        Expect.Refusal("report-amendment", () => original.SupersedeWith(original, "Itself"));
        Assert.Equal(ReportStatus.Issued, original.Status);
    }

    [Fact]
    public void AWithdrawnReportCannotBeTheAmendment()
    {
        var original = ReportBuilder.For(5);
        var withdrawn = ReportBuilder.For(5, "BG2026-00043", "m4K8x2Qz7Lp4Zr8Tw6Yv");
        withdrawn.Withdraw("Issued in error", LabDay.Later(70));

        Expect.Refusal("report-amendment", () => original.SupersedeWith(withdrawn, "Typo in the sample name"));
        Assert.Equal(ReportStatus.Issued, original.Status);
    }

    [Fact]
    public void SupersedeTwiceIsRefused()
    {
        var original = ReportBuilder.For(3, "BG2026-00042");
        original.SupersedeWith(ReportBuilder.For(3, "BG2026-00043"), "First correction");
        var third = ReportBuilder.For(3, "BG2026-00044");

        Expect.Refusal("report-not-issued", () => original.SupersedeWith(third, "Second correction"));
        Assert.Null(third.Supersedes);
    }

    [Fact]
    public void AmendmentCannotReplaceTwoReports()
    {
        var first = ReportBuilder.For(3, "BG2026-00042");
        var second = ReportBuilder.For(3, "BG2026-00043");
        var amendment = ReportBuilder.For(3, "BG2026-00044");
        first.SupersedeWith(amendment, "Correction");

        Expect.Refusal("report-amendment", () => second.SupersedeWith(amendment, "Correction"));
        Assert.Equal(ReportStatus.Issued, second.Status);
        Assert.Same(first, amendment.Supersedes);
    }

    [Fact]
    public void AmendmentIsItselfAmendable()
    {
        var original = ReportBuilder.For(3, "BG2026-00042");
        var amendment = ReportBuilder.For(3, "BG2026-00043");
        var second = ReportBuilder.For(3, "BG2026-00044");
        original.SupersedeWith(amendment, "First correction");

        amendment.SupersedeWith(second, "Second correction");

        Assert.Equal(ReportStatus.Superseded, amendment.Status);
        Assert.Same(amendment, second.Supersedes);
    }

    [Fact]
    public void SupersedeWithoutAReasonChangesNothing()
    {
        var original = ReportBuilder.For(3, "BG2026-00042");
        var amendment = ReportBuilder.For(3, "BG2026-00043");

        Expect.Refusal("required", () => original.SupersedeWith(amendment, " "));

        Assert.Equal(ReportStatus.Issued, original.Status);
        Assert.Null(amendment.Supersedes);
        original.SupersedeWith(amendment, "Model number misspelt");
        Assert.Same(original, amendment.Supersedes);
    }

    [Fact]
    public void WithdrawRecordsWhenAndWhy()
    {
        var report = ReportBuilder.For(3);

        report.Withdraw("Issued to the wrong client", LabDay.Later(500));

        Assert.Equal(ReportStatus.Withdrawn, report.Status);
        Assert.Equal("Issued to the wrong client", report.WithdrawalReason);
        Assert.Equal(LabDay.Later(500), report.WithdrawnAt);
    }

    [Fact]
    public void WithdrawIsRefusedUnlessIssued()
    {
        var withdrawn = ReportBuilder.For(3, "BG2026-00042");
        withdrawn.Withdraw("Wrong client", LabDay.Later(500));
        var superseded = ReportBuilder.For(3, "BG2026-00043");
        superseded.SupersedeWith(ReportBuilder.For(3, "BG2026-00044"), "Correction");

        Expect.Refusal("report-not-issued", () => withdrawn.Withdraw("Again", LabDay.Later(501)));
        Expect.Refusal("report-not-issued", () => superseded.Withdraw("Too late", LabDay.Later(501)));
        Assert.Equal("Wrong client", withdrawn.WithdrawalReason);
    }

    [Fact]
    public void WithdrawnReportCannotBeAmended()
    {
        var report = ReportBuilder.For(3, "BG2026-00042");
        report.Withdraw("Wrong client", LabDay.Later(500));

        Expect.Refusal("report-not-issued", () => report.SupersedeWith(ReportBuilder.For(3, "BG2026-00043"), "Correction"));
    }

    [Fact]
    public void WithdrawWithoutAReasonIsRefused()
    {
        var report = ReportBuilder.For(3);

        Expect.Refusal("required", () => report.Withdraw("", LabDay.Later(500)));
        Assert.Equal(ReportStatus.Issued, report.Status);
    }
}
