using Lab.Domain.Catalog;
using Lab.Domain.Requests;

namespace Tests.Domain;

public class ResultCorrection
{
    private static (TestRequest Request, Analysis Analysis) Recorded(double value)
    {
        var request = new RequestBuilder().WithSample("Canopy", 1, new MethodBuilder().Build()).Received();
        var analysis = request.Samples[0].Analyses[0];
        request.RecordResult(analysis, value, LabDay.Analyst, LabDay.Later(30));
        return (request, analysis);
    }

    [Fact]
    public void ACorrectionNeedsAReasonAndKeepsTheOriginalValue()
    {
        var (request, analysis) = Recorded(9.1);
        Assert.Equal(Verdict.Fail, analysis.Verdict); // pH 4.0–8.5

        Expect.Refusal("required", () => request.CorrectResult(analysis, 7.1, " ", LabDay.Analyst, LabDay.Later(40)));
        Assert.Equal("9.1", analysis.ResultText);

        request.CorrectResult(analysis, 7.1, "Typo: 7.1 read from the meter", LabDay.Analyst, LabDay.Later(40));

        Assert.Equal(("7.1", Verdict.Pass), (analysis.ResultText, analysis.Verdict));
        var change = Assert.Single(analysis.Changes);
        Assert.Equal(("9.1", (Verdict?)Verdict.Fail, "7.1", Verdict.Pass), (change.OldText, change.OldVerdict, change.NewText, change.NewVerdict));
        Assert.Equal(("Typo: 7.1 read from the meter", LabDay.Analyst, LabDay.Later(40)), (change.Reason, change.By, change.At));
        Assert.Equal(AnalysisStatus.ToBeVerified, analysis.Status);
    }

    [Fact]
    public void AVerifiedResultIsNotCorrectedButRetracted()
    {
        var (request, analysis) = Recorded(7.0);
        request.VerifyAnalysis(analysis, LabDay.Reviewer, LabDay.Later(50));

        Expect.Refusal("analysis-correct-the-result-of", () => request.CorrectResult(analysis, 7.2, "late change", LabDay.Analyst, LabDay.Later(60)));
        Assert.Empty(analysis.Changes);
    }

    [Fact]
    public void AFindingIsCorrectedLikeAValue()
    {
        var request = new RequestBuilder().WithSample("Umbrella", 1, MethodBuilder.PassFailInspection()).Received();
        var analysis = request.Samples[0].Analyses[0];
        request.RecordFinding(analysis, false, LabDay.Analyst, LabDay.Later(30));

        request.CorrectFinding(analysis, true, "Wrong umbrella inspected", LabDay.Analyst, LabDay.Later(35));

        Assert.Equal(Verdict.Pass, analysis.Verdict);
        Assert.Equal("Fail", Assert.Single(analysis.Changes).OldText);
    }
}
