namespace Lab.Domain.Instruments;

/// <summary>The kinds of instrument the lab runs; a method names the kind it needs.</summary>
public enum InstrumentType
{
    UniversalTestingMachine,
    UmbrellaWindTunnel,
    LargeWindTunnel,
    RainTester,
    OpenCloseTester,
    ForceGauge,
    BendingRig,
    DimensionGauge,
    ImpactRig,
    UvSpectrophotometer,
    UvVisSpectrophotometer,
    GcMs,
    IcpOes,
    Crockmeter,
    Launderometer,
    HydrostaticHeadTester,
    SprayTester,
    PhMeter,
    FlexTester,
    AbrasionTester,
    DinAbrader,
    Durometer,
    SlipTester,
    DensityBalance,
    FatigueTester,
    CompressionSetOven,
}

/// <summary>Bilingual names of instrument types (reference data, like method names).</summary>
public static class InstrumentTypes
{
    private static readonly Dictionary<InstrumentType, (string Zh, string En)> Names = new()
    {
        [InstrumentType.UniversalTestingMachine] = ("万能材料试验机", "Universal testing machine"),
        [InstrumentType.UmbrellaWindTunnel] = ("雨伞抗风试验机（风洞）", "Umbrella wind tunnel"),
        [InstrumentType.LargeWindTunnel] = ("大型风洞（太阳伞）", "Large wind tunnel (market umbrellas)"),
        [InstrumentType.RainTester] = ("淋雨试验装置", "Rain tester"),
        [InstrumentType.OpenCloseTester] = ("开收伞耐久试验机", "Open/close endurance tester"),
        [InstrumentType.ForceGauge] = ("推拉力计", "Push-pull force gauge"),
        [InstrumentType.BendingRig] = ("中棒弯曲试验装置", "Shaft bending rig"),
        [InstrumentType.DimensionGauge] = ("尺寸量具（卷尺、卡尺）", "Dimension gauges (tape, calipers)"),
        [InstrumentType.ImpactRig] = ("冲击试验装置", "Impact rig"),
        [InstrumentType.UvSpectrophotometer] = ("紫外分光光度计（积分球）", "UV spectrophotometer (integrating sphere)"),
        [InstrumentType.UvVisSpectrophotometer] = ("紫外可见分光光度计", "UV-Vis spectrophotometer"),
        [InstrumentType.GcMs] = ("气相色谱-质谱联用仪", "GC-MS"),
        [InstrumentType.IcpOes] = ("电感耦合等离子体发射光谱仪", "ICP-OES"),
        [InstrumentType.Crockmeter] = ("摩擦色牢度仪", "Crockmeter"),
        [InstrumentType.Launderometer] = ("耐洗色牢度试验机", "Launder-ometer"),
        [InstrumentType.HydrostaticHeadTester] = ("织物静水压测试仪", "Hydrostatic head tester"),
        [InstrumentType.SprayTester] = ("沾水度测试仪", "Spray tester"),
        [InstrumentType.PhMeter] = ("pH计", "pH meter"),
        [InstrumentType.FlexTester] = ("成鞋耐折试验机", "Whole-shoe flexing tester"),
        [InstrumentType.AbrasionTester] = ("鞋底耐磨试验机", "Sole abrasion tester"),
        [InstrumentType.DinAbrader] = ("DIN辊筒式磨耗机", "DIN rotary drum abrader"),
        [InstrumentType.Durometer] = ("硬度计（邵尔A / Asker C）", "Durometer (Shore A / Asker C)"),
        [InstrumentType.SlipTester] = ("防滑性能试验机", "Slip resistance tester"),
        [InstrumentType.DensityBalance] = ("电子天平（密度）", "Balance (density)"),
        [InstrumentType.FatigueTester] = ("粘扣带疲劳试验机", "Hook-and-loop fatigue tester"),
        [InstrumentType.CompressionSetOven] = ("压缩永久变形装置及烘箱", "Compression set plates and oven"),
    };

    public static string Name(InstrumentType type, bool chinese) =>
        Names.TryGetValue(type, out var n) ? chinese ? n.Zh : n.En : type.ToString();

    /// <summary>Short code prefix for instrument codes (UTM-01, WT-01...).</summary>
    public static string CodePrefix(InstrumentType type) => type switch
    {
        InstrumentType.UniversalTestingMachine => "UTM",
        InstrumentType.UmbrellaWindTunnel => "WT",
        InstrumentType.LargeWindTunnel => "LWT",
        InstrumentType.RainTester => "RAIN",
        InstrumentType.OpenCloseTester => "OC",
        InstrumentType.ForceGauge => "FG",
        InstrumentType.BendingRig => "BEND",
        InstrumentType.DimensionGauge => "DIM",
        InstrumentType.ImpactRig => "IMP",
        InstrumentType.UvSpectrophotometer => "UVS",
        InstrumentType.UvVisSpectrophotometer => "UVVIS",
        InstrumentType.GcMs => "GCMS",
        InstrumentType.IcpOes => "ICP",
        InstrumentType.Crockmeter => "CRK",
        InstrumentType.Launderometer => "LAU",
        InstrumentType.HydrostaticHeadTester => "HYD",
        InstrumentType.SprayTester => "SPR",
        InstrumentType.PhMeter => "PH",
        InstrumentType.FlexTester => "FLX",
        InstrumentType.AbrasionTester => "ABR",
        InstrumentType.DinAbrader => "DIN",
        InstrumentType.Durometer => "DUR",
        InstrumentType.SlipTester => "SLIP",
        InstrumentType.DensityBalance => "BAL",
        InstrumentType.FatigueTester => "FAT",
        InstrumentType.CompressionSetOven => "CSO",
        _ => "INS",
    };
}
