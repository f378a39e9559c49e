using Lab.Data.Seed;
using Lab.Domain.Catalog;
using Lab.Domain.Numbering;
using Lab.Domain.Results;
using Microsoft.Extensions.Time.Testing;
using Web.Instruments;

namespace Tests.Instruments;

/// <summary>The seeded catalog's methods, built in memory (no database), and requests to simulated instruments for them.</summary>
internal static class SeededCatalog
{
    public static readonly DateTime CapturedAt = new(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc);

    private static readonly Lazy<IReadOnlyList<TestMethod>> All = new(() =>
    {
        var families = CatalogData.Families().ToDictionary(f => f.Code);
        return CatalogData.Methods(families);
    });

    public static IReadOnlyList<TestMethod> Methods => All.Value;

    public static TestMethod Method(string code) => Methods.Single(m => m.Code == code);

    public static IEnumerable<string> CalculatedCodes => Methods.Where(m => MethodCalculations.For(m.Code) is not null).Select(m => m.Code);

    public static TheoryData<string> AllMethodCodes() => new(Methods.Select(m => m.Code));

    public static TheoryData<string> CalculatedMethodCodes() => new(CalculatedCodes);

    public static string InstrumentCode(TestMethod method) => $"{Lab.Domain.Instruments.InstrumentTypes.CodePrefix(method.InstrumentType)}-01";

    public static DriverRequest Request(string code, int seed, SimulatedFault? fault = null)
    {
        var method = Method(code);
        return new DriverRequest(InstrumentCode(method), method.Code, Numbers.SampleBarcode(2026, 123), method.Limit, method.Unit, seed, fault);
    }

    public static SimulatedInstrumentDriver Driver(string code, TimeProvider? clock = null) =>
        new(Method(code).InstrumentType, clock ?? new FakeTimeProvider(new DateTimeOffset(CapturedAt)));

    public static RawCapture Capture(string code, int seed) =>
        Driver(code).CaptureAsync(Request(code, seed), CancellationToken.None).GetAwaiter().GetResult();
}
