using Lab.Domain.Instruments;
using Lab.Domain.Results;
using Microsoft.Extensions.DependencyInjection;
using Web.Instruments;
using Web.Instruments.Simulation;

namespace Tests.Instruments;

/// <summary>Every seeded method is either calculated from its instrument's data or entered by hand, never both, never neither.</summary>
public class MethodCalculationRegistry
{
    [Fact]
    public void EverySeededMethodIsCalculatedOrManual()
    {
        Assert.Equal(43, SeededCatalog.Methods.Count);
        foreach (var method in SeededCatalog.Methods)
        {
            var calculated = MethodCalculations.For(method.Code) is not null;
            var manual = MethodCalculations.Manual.Contains(method.Code);
            Assert.True(calculated ^ manual, $"{method.Code}: calculated {calculated}, manual {manual}");
        }
        Assert.Equal(35, SeededCatalog.CalculatedCodes.Count());
    }

    [Fact]
    public void NoCalculationForAMethodOutsideTheCatalog() =>
        Assert.All(MethodCalculations.All, c => Assert.Contains(SeededCatalog.Methods, m => m.Code == c.MethodCode));

    [Theory]
    [MemberData(nameof(SeededCatalog.CalculatedMethodCodes), MemberType = typeof(SeededCatalog))]
    public void ACalculationReportsInItsMethodsUnit(string code) =>
        Assert.Equal(SeededCatalog.Method(code).Unit, MethodCalculations.For(code)!.Unit);

    [Fact]
    public void ManualMethodsAreGradesAndInspections()
    {
        string[] expected = ["UMB-RAIN", "UMB-RUN", "UMB-CF", "UMB-CH", "FTW-RUB", "TEX-SPR", "TEX-CFR", "TEX-CFW"];
        Assert.Equal(expected.Order(), MethodCalculations.Manual.Order());
        Assert.All(expected, code => Assert.False(ResultEngine.Calculates(code)));
    }

    [Theory]
    [MemberData(nameof(SeededCatalog.AllMethodCodes), MemberType = typeof(SeededCatalog))]
    public void EverySeededMethodIsSimulatedOnItsOwnInstrumentType(string code) =>
        Assert.Equal(SeededCatalog.Method(code).InstrumentType, InstrumentSimulation.Methods[code]);

    [Fact]
    public void EveryInstrumentTypeOfTheCatalogHasASimulatedDriver()
    {
        var services = new ServiceCollection().AddSimulatedInstrumentDrivers().BuildServiceProvider();
        var drivers = services.GetRequiredService<InstrumentDrivers>();
        foreach (var type in SeededCatalog.Methods.Select(m => m.InstrumentType).Distinct())
            Assert.Equal(type, drivers.For(type).Type);
        Assert.Equal(Enum.GetValues<InstrumentType>().Length, drivers.Types.Count);
    }
}
