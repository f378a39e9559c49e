using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Web.Reports;

namespace Tests.Web;

public class VerificationCodeShape
{
    [Fact]
    public void CodesAreTwentyUnambiguousCharactersAndNeverRepeat()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => VerificationCodes.New()).ToList();

        Assert.Equal(32, VerificationCodes.Alphabet.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(20, c.Length));
        Assert.All(codes, c => Assert.All(c, ch => Assert.Contains(ch, VerificationCodes.Alphabet)));
        Assert.DoesNotContain(codes.SelectMany(c => c), ch => ch is '0' or 'O' or '1' or 'I');
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every character is used: the draw is not stuck on part of the alphabet.
        Assert.Equal(32, codes.SelectMany(c => c).Distinct().Count());
        // A report takes it as its code.
        var report = new Report("BG2026-00001", 1, ReportLanguage.Zh, codes[0], "a", "b", DateTime.UtcNow, "c", DateTime.UtcNow);
        Assert.Equal(codes[0], report.VerificationCode);
    }

    [Theory]
    [InlineData("k7qx2 mzp9r 4twb8 hn3dv", "K7QX2MZP9R4TWB8HN3DV")]
    [InlineData(" K7QX2-MZP9R-4TWB8-HN3DV ", "K7QX2MZP9R4TWB8HN3DV")]
    [InlineData("short", null)]
    [InlineData("K7QX2MZP9R4TWB8HN3D<script>", null)]
    [InlineData("", null)]
    public void ACodeAsTypedIsNormalizedOrRefused(string typed, string? expected) =>
        Assert.Equal(expected, VerificationCodes.Normalize(typed));
}
