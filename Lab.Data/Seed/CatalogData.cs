using Lab.Domain.Catalog;
using Lab.Domain.Instruments;

namespace Lab.Data.Seed;

/// <summary>
/// The lab's reference catalog as seed data: product families, the test methods it offers (from
/// shared/reference/test-methods.md) and the instruments that run them. Values flagged
/// <c>needsConfirmation</c> are working assumptions for the quality manager to confirm; prices,
/// uncertainties and instrument details are plausible seed values, not measured ones.
/// </summary>
public static class CatalogData
{
    public static IReadOnlyList<ProductFamily> Families() =>
    [
        new ProductFamily("UMB", "伞类", "Umbrellas", 1),
        new ProductFamily("FTW", "鞋类", "Footwear", 2),
        new ProductFamily("TEX", "纺织品", "Textiles", 3),
        new ProductFamily("FOM", "泡沫橡胶材料", "Foam and rubber", 4),
    ];

    public static IReadOnlyList<TestMethod> Methods(IReadOnlyDictionary<string, ProductFamily> familiesByCode)
    {
        var umb = familiesByCode["UMB"];
        var ftw = familiesByCode["FTW"];
        var tex = familiesByCode["TEX"];
        var fom = familiesByCode["FOM"];

        return
        [
            // ---------------------------------------------------------------- UMB: umbrellas
            // Frame requirement is pass/fail at a static load in GB/T 23147; a numeric minimum peak force of 200 N is assumed, to be confirmed.
            new TestMethod("UMB-FRAME", umb, "伞骨(骨架)强度", "Umbrella frame (rib) strength",
                "GB/T 23147-2018",
                "峰值载荷", "Peak load", "N", 0,
                SpecLimit.Min(200), "≥200 N，骨架无断裂、脱落及超限永久变形", "≥ 200 N, no fracture, detachment or excess permanent deformation",
                2.0, InstrumentType.UniversalTestingMachine, 1, "把", "umbrella(s)", 300m, 2, true),

            // GB/T 23147-2018 wind requirement n/r: in-house reference of 15 m/s held 1 min used, to be confirmed.
            new TestMethod("UMB-WIND", umb, "抗风强度", "Wind resistance",
                "GB/T 31895-2015; GB/T 23147-2018",
                "试验风速", "Test wind speed", "m/s", 1,
                SpecLimit.PassFail(), "15 m/s 持续 1 min：伞骨无断裂、脱落，伞面无撕裂", "15 m/s held 1 min: no broken or detached ribs, canopy not torn",
                null, InstrumentType.UmbrellaWindTunnel, 1, "把", "umbrella(s)", 400m, 3, true),

            new TestMethod("UMB-RAIN", umb, "防雨性能", "Rain-proof performance",
                "GB/T 23147-2018",
                "渗漏情况", "Leakage", "", 0,
                SpecLimit.PassFail(), "伞杆不淌水，伞面内无滴水和明显雾状漏水", "No water running down the shaft; no drips or visible misty leakage inside the canopy",
                null, InstrumentType.RainTester, 1, "把", "umbrella(s)", 300m, 2, false),

            // GB value n/r: ≥1000 cycles is unverified (QTEC runs 100 cycles at 5/min), to be confirmed.
            new TestMethod("UMB-OC", umb, "无故障连续开收次数", "Fault-free consecutive open/close cycles",
                "GB/T 23147-2018",
                "无故障开收次数", "Fault-free open/close cycles", "", 0,
                SpecLimit.Min(1000), "≥1000 次，无故障", "≥ 1000 cycles without failure",
                null, InstrumentType.OpenCloseTester, 1, "把", "umbrella(s)", 350m, 3, true),

            new TestMethod("UMB-BTN", umb, "开、关伞力（按键力）", "Button force, auto-open / auto-open-close umbrellas",
                "GB/T 23147-2018",
                "按键力", "Button force", "N", 1,
                SpecLimit.Range(10, 55), "10 N～55 N（成人伞）", "10 N – 55 N (adult umbrellas)",
                0.5, InstrumentType.ForceGauge, 1, "把", "umbrella(s)", 150m, 1, false),

            new TestMethod("UMB-RUN", umb, "下盘稳定性", "Runner (lower notch) stability",
                "GB/T 23147-2018",
                "下盘稳定性", "Runner stability", "", 0,
                SpecLimit.PassFail(), "撑开后下盘无滑脱、无晃动", "Runner does not slip or wobble when the umbrella is open",
                null, InstrumentType.ForceGauge, 1, "把", "umbrella(s)", 100m, 1, false),

            // GB/T 23147-2018 dropped 部件结合牢度, so the JUPA loads are used; judged pass/fail at the load for the umbrella type.
            new TestMethod("UMB-HDL", umb, "中棒与手柄结合强度", "Handle-to-shaft pull-off strength",
                "JUPA handle attachment standard (Japan)",
                "静拉力（保持 1 min）", "Static pull held 1 min", "N", 0,
                SpecLimit.PassFail(),
                "保持 1 min 不脱落：长伞手动 540 N/自动 600 N；折伞手动 350 N（装饰柄 200 N）/自动 600 N",
                "No pull-off in 1 min: long manual 540 N / auto 600 N; folding manual 350 N (decorative 200 N) / auto 600 N",
                null, InstrumentType.UniversalTestingMachine, 1, "把", "umbrella(s)", 250m, 1, false),

            // Residual deflection reported as % of shaft length L, so that L/10 becomes ≤ 10 %.
            new TestMethod("UMB-SHB", umb, "中棒弯曲强度", "Shaft bending strength",
                "JIS S 4020:1994",
                "残余挠度（占中棒长度 L）", "Residual deflection (% of shaft length L)", "%", 1,
                SpecLimit.Max(10), "端部 1.5 kg 保持 1 min，残余挠度 ≤L/10；再弯至 L/5 保持 1 min 不断裂",
                "1.5 kg at tip for 1 min: residual deflection ≤ L/10; then L/5 deflection for 1 min, no fracture",
                0.2, InstrumentType.BendingRig, 1, "把", "umbrella(s)", 200m, 1, false),

            // GB value n/r: ≥300 N (polyester canopy) from a weak commercial source, to be confirmed.
            new TestMethod("UMB-TEN", umb, "伞面拉伸(断裂)强力", "Canopy breaking force",
                "GB/T 3923.1; GB/T 23147-2018",
                "断裂强力（经、纬向）", "Breaking force (warp and weft)", "N", 0,
                SpecLimit.Min(300), "≥300 N（经、纬向，涤纶伞面）", "≥ 300 N (warp and weft, polyester canopy)",
                3.0, InstrumentType.UniversalTestingMachine, 1, "把", "umbrella(s)", 200m, 2, true),

            new TestMethod("UMB-UPF", umb, "伞面防紫外线性能", "Canopy UV protection",
                "GB/T 18830-2009",
                "紫外线防护系数 UPF", "Ultraviolet protection factor (UPF)", "", 0,
                SpecLimit.Min(40, exclusive: true), "UPF >40 且 T(UVA)AV <5%（声称防紫外时检测）", "UPF > 40 and T(UVA)AV < 5 % (tested when UV protection is claimed)",
                2.0, InstrumentType.UvSpectrophotometer, 1, "把", "umbrella(s)", 300m, 3, false),

            // Grade n/r in GB/T 23147-2018: ≥ grade 3 assumed, to be confirmed.
            new TestMethod("UMB-CF", umb, "伞面色牢度", "Canopy colour fastness (rubbing; plastic canopy added in 2018)",
                "GB/T 23147-2018; GB/T 3920",
                "耐摩擦色牢度（沾色）", "Colour fastness to rubbing (staining)", "", 1,
                SpecLimit.MinGrade(3), "≥3 级", "≥ grade 3",
                null, InstrumentType.Crockmeter, 1, "把", "umbrella(s)", 150m, 2, true),

            // GB 31892 value n/r: ≤75 mg/kg assumed (as GB 18401 class B), to be confirmed.
            new TestMethod("UMB-HCHO", umb, "伞面甲醛含量", "Canopy formaldehyde",
                "GB 31892-2015; GB/T 2912.1",
                "甲醛含量", "Formaldehyde content", "mg/kg", 0,
                SpecLimit.Max(75), "≤75 mg/kg", "≤ 75 mg/kg",
                4.0, InstrumentType.UvVisSpectrophotometer, 1, "把", "umbrella(s)", 250m, 3, true),

            // ≤20 mg/kg per amine assumed (same limit as textiles), to be confirmed against GB 31892.
            new TestMethod("UMB-AZO", umb, "伞面可分解致癌芳香胺染料", "Banned azo dyes in canopy",
                "GB 31892-2015; GB/T 17592",
                "可分解芳香胺（单项）", "Each listed aromatic amine", "mg/kg", 1,
                SpecLimit.Max(20), "每种芳香胺 ≤20 mg/kg", "≤ 20 mg/kg per amine",
                2.0, InstrumentType.GcMs, 1, "把", "umbrella(s)", 800m, 5, true),

            // Primary quantity is migratable lead (Pb ≤90 mg/kg); the other seven elements per GB 6675.4 table, to be confirmed.
            new TestMethod("UMB-HM", umb, "手柄部位可迁移有害元素", "Migratable heavy metals, handle",
                "GB 31892-2015; GB 6675.4-2014",
                "可迁移铅（Pb）", "Migratable lead (Pb)", "mg/kg", 1,
                SpecLimit.Max(90), "可迁移元素符合 GB 6675.4 表限量（如 Pb ≤90 mg/kg）", "Migratable Sb, As, Ba, Cd, Cr, Pb, Hg, Se within GB 6675.4 limits (e.g. Pb ≤ 90 mg/kg)",
                5.0, InstrumentType.IcpOes, 1, "把", "umbrella(s)", 900m, 5, true),

            // GB 31892 values n/r: bead Ø ≥3 mm (cap ≥9 mm, child ≥5 mm) taken from the older safety standard, to be confirmed.
            new TestMethod("UMB-TIP", umb, "伞帽(伞顶尖/套)、珠尾", "Top cap and rib-tip bead safety",
                "GB 31892-2015",
                "珠尾直径", "Rib-tip bead diameter", "mm", 1,
                SpecLimit.Min(3), "伞帽 ≥9 mm；珠尾直径 ≥3 mm（儿童伞 ≥5 mm），珠尾不脱落", "Top cap ≥ 9 mm; bead Ø ≥ 3 mm (children's ≥ 5 mm); beads must not come off",
                0.05, InstrumentType.DimensionGauge, 3, "把", "umbrella(s)", 150m, 1, true),

            // QB/T 4743 tolerance n/r: deviation of rib length from the declared size, ±5 mm assumed, to be confirmed.
            new TestMethod("UMB-DIM", umb, "规格尺寸", "Specification / dimensions",
                "QB/T 4743",
                "伞骨长度与明示值偏差", "Rib length deviation from declared size", "mm", 0,
                SpecLimit.Range(-5, 5), "伞骨长度偏差 ±5 mm（以明示规格为准）", "Rib length within ±5 mm of the declared size",
                1.0, InstrumentType.DimensionGauge, 1, "把", "umbrella(s)", 80m, 1, true),

            // ASTM F3512 rates the umbrella on the Beaufort scale; a minimum of level 4 is assumed (normally the maker's declared rating), to be confirmed.
            new TestMethod("UMB-MU", umb, "市场伞(太阳伞)抗风安全与耐久", "Market umbrella wind safety & durability",
                "ASTM F3512-21; GB/T 23103-2018",
                "蒲福风级评级", "Beaufort wind rating", "", 0,
                SpecLimit.MinGrade(4), "≥蒲福 4 级（程序 A 结构安全、程序 B 耐久）", "≥ Beaufort level 4 (Procedure A structural, Procedure B durability)",
                null, InstrumentType.LargeWindTunnel, 1, "把", "umbrella(s)", 1500m, 5, true),

            // Values n/r: judged clause by clause per GB 28477-2012; 9 umbrellas = 6 for testing + 3 kept as backup.
            new TestMethod("UMB-CH", umb, "儿童伞 冲击强度/伞带扣拉力/部件结合牢度", "Children's umbrella: impact, strap-buckle pull, component bond",
                "GB 28477-2012",
                "冲击强度、伞带扣拉力、部件结合牢度", "Impact, strap-buckle pull, component bond", "N", 0,
                SpecLimit.PassFail(), "符合 GB 28477-2012 各条款：冲击后无断裂，伞带扣及部件不脱落", "Meets each GB 28477-2012 clause: no fracture on impact, buckle and parts stay attached",
                null, InstrumentType.ImpactRig, 9, "把", "umbrella(s)", 800m, 3, true),

            // ---------------------------------------------------------------- FTW: footwear
            new TestMethod("FTW-FLX", ftw, "成鞋耐折性能", "Whole-shoe flex resistance",
                "GB/T 3903.1; GB/T 15107-2013",
                "开胶长度", "Debond length", "mm", 1,
                SpecLimit.Max(5.0), "40 000 次：帮面无裂；开胶 ≤5.0 mm；大底裂纹 ≤3 处且每处 ≤5.0 mm", "40 000 flexes: no upper cracking; debond ≤ 5.0 mm; ≤ 3 sole cracks, each ≤ 5.0 mm",
                0.5, InstrumentType.FlexTester, 1, "双", "pair(s)", 300m, 3, false),

            new TestMethod("FTW-PEEL", ftw, "帮底剥离强度", "Upper-sole peel strength",
                "GB/T 3903.3",
                "剥离强度", "Peel strength", "N/cm", 1,
                SpecLimit.Min(40), "≥40 N/cm（帮底）；围条与帮 ≥60 N/cm；材料撕裂 >20 N/cm", "≥ 40 N/cm (upper-sole); sole wall-upper ≥ 60 N/cm; material tears > 20 N/cm",
                0.5, InstrumentType.UniversalTestingMachine, 1, "双", "pair(s)", 200m, 2, false),

            new TestMethod("FTW-ABR", ftw, "外底耐磨性能", "Outsole abrasion (wear-mark length)",
                "GB/T 3903.2",
                "磨痕长度", "Wear-mark length", "mm", 1,
                SpecLimit.Max(14.0), "≤14.0 mm", "≤ 14.0 mm",
                0.2, InstrumentType.AbrasionTester, 1, "双", "pair(s)", 200m, 2, false),

            new TestMethod("FTW-DIN", ftw, "外底相对体积磨耗量", "Relative volume abrasion loss (DIN)",
                "QB/T 2884",
                "相对体积磨耗量", "Relative volume loss", "mm³", 0,
                SpecLimit.Max(300), "≤300 mm³（仿皮底 ≤250 mm³）", "≤ 300 mm³ (imitation-leather sole ≤ 250 mm³)",
                10.0, InstrumentType.DinAbrader, 1, "双", "pair(s)", 250m, 2, false),

            // Primary limit is solid soles in Shore A; EVA cellular soles (≥30 Asker C) need the limit revised per sample.
            new TestMethod("FTW-HRD", ftw, "外底硬度", "Outsole hardness",
                "GB/T 3903.4; GB/T 531.1; HG/T 2489",
                "外底硬度", "Outsole hardness", "Shore A", 0,
                SpecLimit.Min(40), "≥40 Shore A（EVA 微孔底 ≥30 Asker C）", "≥ 40 Shore A (EVA cellular sole ≥ 30 Asker C)",
                1.0, InstrumentType.Durometer, 1, "双", "pair(s)", 100m, 1, false),

            new TestMethod("FTW-OMB", ftw, "外底与外中底粘合强度", "Outsole-midsole bond strength",
                "QB/T 2886",
                "粘合强度", "Bond strength", "N/cm", 1,
                SpecLimit.Min(18), "≥18 N/cm（泡沫材料撕裂 ≥13 N/cm）", "≥ 18 N/cm (foam tears first ≥ 13 N/cm)",
                0.3, InstrumentType.UniversalTestingMachine, 1, "双", "pair(s)", 200m, 2, false),

            // Limit depends on the product spec (n/r): dynamic COF ≥0.30 assumed; the 2024 edition applies from 2025-07-01.
            new TestMethod("FTW-SLIP", ftw, "防滑性能", "Slip resistance (coefficient of friction)",
                "GB/T 3903.6-2024; GB/T 3903.6-2017",
                "动摩擦系数", "Dynamic coefficient of friction", "", 2,
                SpecLimit.Min(0.30), "动摩擦系数 ≥0.30", "Dynamic COF ≥ 0.30",
                0.02, InstrumentType.SlipTester, 1, "双", "pair(s)", 400m, 2, true),

            new TestMethod("FTW-RUB", ftw, "衬里/内垫耐摩擦色牢度", "Lining/sock colour fastness to rubbing",
                "QB/T 2882",
                "沾色等级", "Staining grade", "", 1,
                SpecLimit.MinGrade(2.5), "≥2-3 级", "≥ grade 2-3",
                null, InstrumentType.Crockmeter, 1, "双", "pair(s)", 150m, 2, false),

            // Limit set to the textile-part value (≤20); leather parts (≤30 mg/kg) need the limit revised per sample.
            new TestMethod("FTW-AZO", ftw, "可分解有害芳香胺染料", "Banned azo dyes (textile / leather parts)",
                "GB/T 17592; GB/T 19942",
                "可分解芳香胺（单项）", "Each listed aromatic amine", "mg/kg", 1,
                SpecLimit.Max(20), "纺织部件 ≤20 mg/kg；皮革部件 ≤30 mg/kg", "Textile parts ≤ 20 mg/kg; leather parts ≤ 30 mg/kg",
                2.0, InstrumentType.GcMs, 1, "双", "pair(s)", 800m, 5, false),

            new TestMethod("FTW-TEN", ftw, "外底拉伸强度 / 拉断伸长率", "Outsole tensile strength / elongation",
                "GB/T 528",
                "拉伸强度", "Tensile strength", "MPa", 1,
                SpecLimit.Min(7.8), "实心底 ≥7.8 MPa、≥320%；SBS ≥4.5 MPa、≥500%；PU 微孔 ≥5.0 MPa", "Solid sole ≥ 7.8 MPa, ≥ 320 %; SBS ≥ 4.5 MPa, ≥ 500 %; PU cellular ≥ 5.0 MPa",
                0.1, InstrumentType.UniversalTestingMachine, 1, "双", "pair(s)", 250m, 2, false),

            // Limit set to EVA (≤0.30 g/cm³); PU (≤0.6) and other cellular soles (≤0.5) need the limit revised per sample.
            new TestMethod("FTW-DEN", ftw, "微孔外底视密度", "Apparent density, cellular sole",
                "HG/T 2872",
                "视密度", "Apparent density", "g/cm³", 2,
                SpecLimit.Max(0.30), "EVA ≤0.30 g/cm³；PU ≤0.6 g/cm³；其他 ≤0.5 g/cm³", "EVA ≤ 0.30 g/cm³; PU ≤ 0.6 g/cm³; other ≤ 0.5 g/cm³",
                0.01, InstrumentType.DensityBalance, 1, "双", "pair(s)", 120m, 1, false),

            // Primary quantity is shear strength after 5000 cycles; the before-fatigue and peel values are in the requirement text.
            new TestMethod("FTW-HLP", ftw, "粘扣带抗疲劳", "Hook-and-loop fatigue",
                "GB/T 3903.21; GB/T 3903.20",
                "疲劳后剪切强度", "Shear strength after 5000 cycles", "kPa", 0,
                SpecLimit.Min(60), "剪切：初始 ≥70 kPa，疲劳后 ≥60 kPa；剥离：初始 ≥0.08 N/mm，疲劳后 ≥0.06 N/mm", "Shear ≥ 70 kPa before, ≥ 60 kPa after; peel ≥ 0.08 N/mm before, ≥ 0.06 N/mm after",
                2.0, InstrumentType.FatigueTester, 1, "双", "pair(s)", 300m, 3, false),

            // ---------------------------------------------------------------- TEX: textiles and canopy fabric
            // Limit from a down-garment fabric spec (first grade); other products follow their own spec.
            new TestMethod("TEX-TEN", tex, "断裂强力和断裂伸长率(条样法)", "Breaking force & elongation, strip method",
                "GB/T 3923.1",
                "断裂强力（经、纬向）", "Maximum force (warp and weft)", "N", 0,
                SpecLimit.Min(200), "经、纬向 ≥200 N", "≥ 200 N (warp and weft)",
                2.0, InstrumentType.UniversalTestingMachine, 1, "米", "m", 150m, 2, false),

            // GB/T 4744 grades by level; ≥13 kPa (level 2) assumed for rain fabric, to be confirmed.
            new TestMethod("TEX-HYD", tex, "静水压", "Hydrostatic pressure",
                "GB/T 4744-2013",
                "静水压（第 3 滴水）", "Hydrostatic pressure at the 3rd drop", "kPa", 1,
                SpecLimit.Min(13), "≥13 kPa（2 级）", "≥ 13 kPa (level 2)",
                0.3, InstrumentType.HydrostaticHeadTester, 5, "块", "specimen(s)", 150m, 2, true),

            // ≥ grade 3 assumed (≥4 for DWR claims), to be confirmed.
            new TestMethod("TEX-SPR", tex, "沾水等级", "Spray rating (surface wetting)",
                "GB/T 4745-2012",
                "沾水等级", "Spray rating", "", 1,
                SpecLimit.MinGrade(3), "≥3 级（拒水整理 ≥4 级）", "≥ grade 3 (≥ 4 for DWR finish)",
                null, InstrumentType.SprayTester, 3, "块", "specimen(s)", 120m, 1, true),

            new TestMethod("TEX-UPF", tex, "防紫外线性能", "UV protection (UPF)",
                "GB/T 18830-2009",
                "紫外线防护系数 UPF", "Ultraviolet protection factor (UPF)", "", 0,
                SpecLimit.Min(40, exclusive: true), "UPF >40 且 T(UVA)AV <5%", "UPF > 40 and T(UVA)AV < 5 %",
                2.0, InstrumentType.UvSpectrophotometer, 4, "块", "specimen(s)", 300m, 2, false),

            // Primary grade is dry rubbing staining (≥3); wet (≥2-3) is in the requirement text.
            new TestMethod("TEX-CFR", tex, "耐摩擦色牢度", "Colour fastness to rubbing",
                "GB/T 3920",
                "干摩擦沾色", "Staining, dry rubbing", "", 1,
                SpecLimit.MinGrade(3), "干摩 ≥3 级，湿摩 ≥2-3 级", "Dry ≥ grade 3, wet ≥ grade 2-3",
                null, InstrumentType.Crockmeter, 20, "厘米（全幅）", "cm (full width)", 120m, 2, false),

            // Primary grade is colour change (≥3-4); staining (≥3) is in the requirement text.
            new TestMethod("TEX-CFW", tex, "耐皂洗色牢度", "Colour fastness to washing",
                "GB/T 3921",
                "变色", "Colour change", "", 1,
                SpecLimit.MinGrade(3.5), "变色 ≥3-4 级，沾色 ≥3 级", "Change ≥ grade 3-4, staining ≥ grade 3",
                null, InstrumentType.Launderometer, 20, "厘米（全幅）", "cm (full width)", 180m, 3, false),

            new TestMethod("TEX-HCHO", tex, "甲醛含量", "Formaldehyde",
                "GB/T 2912.1; GB 18401-2010",
                "甲醛含量", "Formaldehyde content", "mg/kg", 0,
                SpecLimit.Max(75), "≤75 mg/kg（B 类）", "≤ 75 mg/kg (class B)",
                4.0, InstrumentType.UvVisSpectrophotometer, 20, "厘米（全幅）", "cm (full width)", 200m, 3, false),

            new TestMethod("TEX-PH", tex, "pH值", "pH of aqueous extract",
                "GB/T 7573; GB 18401-2010",
                "水萃取液 pH 值", "pH of aqueous extract", "", 1,
                SpecLimit.Range(4.0, 8.5), "4.0～8.5（B 类）", "4.0 – 8.5 (class B)",
                0.1, InstrumentType.PhMeter, 20, "厘米（全幅）", "cm (full width)", 100m, 2, false),

            // ---------------------------------------------------------------- FOM: foam, EPDM, EVA
            // Nominal ±10 % assumed with a nominal of 300 kg/m³; revise to the customer's nominal density.
            new TestMethod("FOM-DEN", fom, "表观密度", "Apparent (bulk) density",
                "GB/T 6343; ISO 845",
                "表观密度", "Apparent density", "kg/m³", 1,
                SpecLimit.Range(270, 330), "标称值 ±10%（300 kg/m³：270～330 kg/m³）", "Nominal ± 10 % (300 kg/m³: 270 – 330 kg/m³)",
                3.0, InstrumentType.DensityBalance, 3, "块", "specimen(s)", 120m, 1, true),

            // Limit from an ASTM D1056 sponge datasheet; other materials follow their own spec.
            new TestMethod("FOM-TEN", fom, "泡沫拉伸强度/断裂伸长率", "Tensile strength & elongation, cellular material",
                "GB/T 10654-2001; ASTM D1056",
                "拉伸强度", "Tensile strength", "kPa", 0,
                SpecLimit.Min(689), "≥689 kPa，断裂伸长率 ≥250%（海绵）", "≥ 689 kPa, elongation ≥ 250 % (sponge)",
                10.0, InstrumentType.UniversalTestingMachine, 5, "块（哑铃）", "dumbbell(s)", 250m, 2, false),

            // Limit set to sponge (≤15 %, 70 °C × 22 h, 50 % deflection); solid EPDM is typically 20–60 % per spec.
            new TestMethod("FOM-CS", fom, "压缩永久变形", "Compression set",
                "GB/T 7759.1-2015; GB/T 6669; ASTM D1056",
                "压缩永久变形", "Compression set", "%", 1,
                SpecLimit.Max(15), "≤15%（海绵，70 °C×22 h，压缩 50%）", "≤ 15 % (sponge, 22 h at 70 °C, 50 % deflection)",
                1.0, InstrumentType.CompressionSetOven, 3, "块", "specimen(s)", 300m, 2, false),

            // Spec ±3–5 points assumed: nominal 60 Shore A ±5; revise to the customer's nominal hardness.
            new TestMethod("FOM-HRD", fom, "硬度", "Hardness",
                "GB/T 531.1; HG/T 2489",
                "邵尔 A 硬度", "Shore A hardness", "Shore A", 0,
                SpecLimit.Range(55, 65), "标称值 ±5（60 Shore A：55～65）", "Nominal ± 5 points (60 Shore A: 55 – 65)",
                1.0, InstrumentType.Durometer, 1, "片", "sheet(s)", 80m, 1, true),

            // Spec-dependent: solid-sole values (≥7.8 MPa / ≥320 %) used as the default.
            new TestMethod("FOM-RTEN", fom, "硫化橡胶拉伸性能", "Vulcanized rubber tensile",
                "GB/T 528",
                "拉伸强度", "Tensile strength", "MPa", 1,
                SpecLimit.Min(7.8), "≥7.8 MPa，拉断伸长率 ≥320%（按产品规范）", "≥ 7.8 MPa, elongation at break ≥ 320 % (per product spec)",
                0.1, InstrumentType.UniversalTestingMachine, 5, "块（哑铃）", "dumbbell(s)", 200m, 2, false),
        ];
    }

    public static IReadOnlyList<Instrument> Instruments(DateOnly today)
    {
        const string mechanics = "力学室 Mechanics lab 201";
        const string umbrella = "伞类试验室 Umbrella lab 105";
        const string windHall = "风洞实验楼 Wind tunnel hall 101";
        const string footwear = "鞋类试验室 Footwear lab 202";
        const string colour = "色牢度室（恒温恒湿）Colour fastness lab 203";
        const string chemistry = "化学室 Chemistry lab 301";
        const string analysis = "仪器分析室 Instrument analysis lab 302";

        (InstrumentType Type, int No, string Name, string Location, string Serial)[] rows =
        [
            (InstrumentType.UniversalTestingMachine, 1, "INSTRON 5967 万能材料试验机（30 kN）", mechanics, "5967R4021"),
            (InstrumentType.UniversalTestingMachine, 2, "高铁 AI-7000-SU1 电脑伺服拉力试验机（10 kN）", mechanics, "GT21087615"),
            (InstrumentType.UmbrellaWindTunnel, 1, "雨伞抗风试验机（风洞，0～25 m/s）JJ-FD25", umbrella, "FD25-2019-003"),
            (InstrumentType.LargeWindTunnel, 1, "太阳伞大型开口风洞（0～30 m/s）", windHall, "LWT-2022-001"),
            (InstrumentType.RainTester, 1, "雨伞淋雨试验装置 LY-20", umbrella, "LY20-1806"),
            (InstrumentType.OpenCloseTester, 1, "开收伞耐久试验机 KS-2000", umbrella, "KS2000-2107"),
            (InstrumentType.ForceGauge, 1, "艾德堡 HP-500 数显推拉力计", umbrella, "HP500-230417"),
            (InstrumentType.BendingRig, 1, "中棒弯曲试验装置（1.5 kg 砝码）ZB-01", umbrella, "ZB01-2020-002"),
            (InstrumentType.DimensionGauge, 1, "三丰 500-196-30 数显卡尺 0～150 mm", umbrella, "B21187432"),
            (InstrumentType.ImpactRig, 1, "儿童伞冲击试验装置 CJ-28477", umbrella, "CJ-2021-005"),
            (InstrumentType.UvSpectrophotometer, 1, "Labsphere UV-2000F 紫外透射率分析仪", analysis, "UV2000F-1194"),
            (InstrumentType.UvVisSpectrophotometer, 1, "岛津 UV-1900i 紫外可见分光光度计", chemistry, "A12345678901"),
            (InstrumentType.GcMs, 1, "安捷伦 8890/5977B 气相色谱-质谱联用仪", analysis, "US2105M012"),
            (InstrumentType.IcpOes, 1, "安捷伦 5110 ICP-OES 电感耦合等离子体发射光谱仪", analysis, "MY20410007"),
            (InstrumentType.Crockmeter, 1, "温州大荣 Y571L 摩擦色牢度仪", colour, "Y571L-22035"),
            (InstrumentType.Launderometer, 1, "James Heal GyroWash 815 耐洗色牢度试验机", colour, "815-2103-118"),
            (InstrumentType.HydrostaticHeadTester, 1, "温州大荣 YG812D 数字式织物渗水性测试仪", colour, "YG812D-21107"),
            (InstrumentType.SprayTester, 1, "Y813 织物沾水度测定仪", colour, "Y813-2002"),
            (InstrumentType.PhMeter, 1, "梅特勒-托利多 FiveEasy Plus FP20 pH 计", chemistry, "B213456789"),
            (InstrumentType.FlexTester, 1, "高铁 GT-7006-FT 成鞋耐折试验机", footwear, "GT7006-200914"),
            (InstrumentType.AbrasionTester, 1, "鞋底耐磨试验机 NM-3903（GB/T 3903.2）", footwear, "NM3903-1911"),
            (InstrumentType.DinAbrader, 1, "高铁 GT-7012-D DIN 辊筒式磨耗试验机", footwear, "GT7012D-210326"),
            (InstrumentType.Durometer, 1, "TECLOCK GS-709N 邵尔 A 硬度计", footwear, "709N-83215"),
            (InstrumentType.Durometer, 2, "ASKER C 型橡胶硬度计（高分子计器）", footwear, "C-22-04417"),
            (InstrumentType.SlipTester, 1, "SATRA STM 603 防滑性能试验机", footwear, "STM603-1187"),
            (InstrumentType.DensityBalance, 1, "梅特勒-托利多 ME204 分析天平（密度组件）", chemistry, "C201954321"),
            (InstrumentType.FatigueTester, 1, "粘扣带疲劳试验机 ZK-5000", footwear, "ZK5000-2104"),
            (InstrumentType.CompressionSetOven, 1, "压缩永久变形装置 + 一恒 DHG-9070A 鼓风干燥箱", mechanics, "DHG9070A-20211108"),
        ];

        var instruments = new List<Instrument>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var (type, no, name, location, serial) = rows[i];
            var instrument = new Instrument($"{InstrumentTypes.CodePrefix(type)}-{no:00}", name, type, location, serial);
            // Calibrated 2 to 9 months (plus a few days) before today, due 12 months later: all valid today.
            var calibratedOn = today.AddMonths(-(2 + i % 8)).AddDays(-(i * 3 % 20));
            instrument.RecordCalibration($"JZ{calibratedOn.Year}-{1234 + i * 137:00000}", calibratedOn, calibratedOn.AddMonths(12));
            instruments.Add(instrument);
        }
        return instruments;
    }
}
