using Lab.Domain.Catalog;
using Web.Instruments;

namespace Tests.Instruments;

/// <summary>What the simulated instruments produce, judged the way an analysis judges a result.</summary>
public class SimulatedDriverResults
{
    private const int Seeds = 25;

    [Theory]
    [MemberData(nameof(SeededCatalog.CalculatedMethodCodes), MemberType = typeof(SeededCatalog))]
    public void EachCalculatedMethodGivesAValueItsLimitCanJudge(string code)
    {
        var method = SeededCatalog.Method(code);
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var (value, unit) = ResultEngine.Compute(code, SeededCatalog.Capture(code, seed));
            Assert.True(double.IsFinite(value), $"{code} seed {seed}: {value}");
            Assert.Equal(method.Unit, unit);
            var (low, high) = Plausible(method.Limit);
            Assert.InRange(value, low, high);
            var rounded = Math.Round(value, method.Precision, MidpointRounding.ToEven);
            if (method.Limit.Kind == LimitKind.PassFail)
                Assert.NotNull(ResultEngine.Compute(code, SeededCatalog.Capture(code, seed)).MeetsRequirement);
            else
                Assert.True(Enum.IsDefined(method.Limit.Judge(rounded, DecisionRule.GuardBand, method.ExpandedUncertainty)));
        }
    }

    /// <summary>Within a few times the limit: a wrong unit (N for kN, g for kg) lands far outside.</summary>
    private static (double Low, double High) Plausible(SpecLimit limit) => limit.Kind switch
    {
        LimitKind.Min => (limit.Lower!.Value * 0.5, limit.Lower.Value * 3),
        LimitKind.Max => (0, limit.Upper!.Value * 2),
        LimitKind.Range => (limit.Lower!.Value - (limit.Upper!.Value - limit.Lower.Value), limit.Upper.Value + (limit.Upper.Value - limit.Lower.Value)),
        LimitKind.Grade => (0, 12),
        _ => (0.1, 1000),
    };

    [Fact]
    public void MostSamplesPassTheSeededLimitAndSomeFail()
    {
        int judged = 0, passed = 0;
        var methodsWithAFail = new HashSet<string>();
        foreach (var code in SeededCatalog.CalculatedCodes)
        {
            var method = SeededCatalog.Method(code);
            for (var seed = 1; seed <= 40; seed++)
            {
                var result = ResultEngine.Compute(code, SeededCatalog.Capture(code, seed));
                var pass = method.Limit.Kind == LimitKind.PassFail
                    ? result.MeetsRequirement!.Value
                    : method.Limit.Judge(Math.Round(result.Value, method.Precision, MidpointRounding.ToEven)) == Verdict.Pass;
                judged++;
                if (pass) passed++;
                else methodsWithAFail.Add(code);
            }
        }
        var share = passed / (double)judged;
        Assert.InRange(share, 0.9, 0.99);
        Assert.True(methodsWithAFail.Count >= 10, $"Only {methodsWithAFail.Count} methods ever fail: {string.Join(", ", methodsWithAFail)}");
    }

    [Fact]
    public void PassFailMethodsCarryTheirFinding()
    {
        var wind = Enumerable.Range(1, 40).Select(seed => ResultEngine.Compute("UMB-WIND", SeededCatalog.Capture("UMB-WIND", seed))).ToList();
        Assert.Contains(wind, r => r.MeetsRequirement == true && Math.Abs(r.Value - 15) < 0.3);
        Assert.Contains(wind, r => r.MeetsRequirement == false && r.Value < 15);
        var handle = Enumerable.Range(1, 40).Select(seed => ResultEngine.Compute("UMB-HDL", SeededCatalog.Capture("UMB-HDL", seed))).ToList();
        Assert.Contains(handle, r => r.MeetsRequirement == true && Math.Abs(r.Value - 540) < 2);
        Assert.Contains(handle, r => r.MeetsRequirement == false);
    }

    [Fact]
    public void UpfComesWithItsUvaTransmittance()
    {
        var result = ResultEngine.Compute("TEX-UPF", SeededCatalog.Capture("TEX-UPF", 7));
        var tuva = Assert.Single(result.Details, d => d.Name == "T(UVA)AV");
        Assert.Equal("%", tuva.Unit);
        Assert.InRange(tuva.Value, 0.5, 10);
    }

    [Fact]
    public async Task ADurometerBookedInAskerCReadsInAskerC()
    {
        var method = SeededCatalog.Method("FTW-HRD");
        var request = SeededCatalog.Request("FTW-HRD", 3) with { Limit = SpecLimit.Min(30), Unit = "Asker C" };
        var capture = await SeededCatalog.Driver("FTW-HRD").CaptureAsync(request, CancellationToken.None);
        var (value, unit) = ResultEngine.Compute(method.Code, capture);
        Assert.Equal("Asker C", unit);
        Assert.InRange(value, 20, 80);
    }

    [Fact]
    public void ManualMethodsHaveARunLogButNoCalculation()
    {
        var capture = SeededCatalog.Capture("TEX-CFR", 1);
        Assert.Equal(Lab.Domain.Results.RawFormats.RunLog, capture.Format);
        Assert.IsType<Lab.Domain.Results.RunLog>(RawDataParser.Parse(capture));
        var ex = Assert.Throws<InvalidOperationException>(() => ResultEngine.Compute("TEX-CFR", capture));
        Assert.Contains("entered by hand", ex.Message);
    }
}
