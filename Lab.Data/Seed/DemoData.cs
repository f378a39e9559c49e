using Lab.Data.ApiKeys;
using Lab.Data.Identity;
using Lab.Data.Numbering;
using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lab.Data.Seed;

/// <summary>A demo account, listed in the README.</summary>
public sealed record DemoUser(string Role, string Email, string Password, string DisplayName, string? EnterpriseCreditCode = null);

/// <summary>
/// Demo data for Development (or when asked for with Lab:DemoData): two client enterprises with users, a third that
/// signed up and waits for approval, a staff user for every role, and requests in several states, made through the
/// same domain verbs the app uses. Runs once: it does nothing when the first demo enterprise exists.
/// </summary>
public static class DemoData
{
    public const string Password = "LabLims#2026";
    public const string MinghuiCreditCode = "91350582MA31XKQ27"; // 17 characters; the check character is added below
    public const string HaixiCreditCode = "91350582MA32B5NF8";
    public const string HongdaCreditCode = "91350582MA33C7PL2";

    /// <summary>
    /// The demo enterprise key (listed in the README) so integrators can try the booking API against a demo app.
    /// A fixed, published secret: demo data only, never seeded in production.
    /// </summary>
    public const string MinghuiApiKeyName = "minghui erp";
    public const string MinghuiApiKey = "llk_demo_minghui_erp_0000000000000000000000";

    /// <summary>
    /// The demo station key (listed in the README) for trying the scanner API: the lab's reception scan station.
    /// A fixed, published secret: demo data only, never seeded in production.
    /// </summary>
    public const string ReceptionStationKeyName = "reception station";
    public const string ReceptionStationKey = "llk_demo_reception_station_00000000000000000";

    public static string MinghuiCode => MinghuiCreditCode + CreditCode.CheckCharacter(MinghuiCreditCode);
    public static string HaixiCode => HaixiCreditCode + CreditCode.CheckCharacter(HaixiCreditCode);
    public static string HongdaCode => HongdaCreditCode + CreditCode.CheckCharacter(HongdaCreditCode);

    public static IReadOnlyList<DemoUser> Users =>
    [
        new(Roles.Client, "client@minghui-umbrella.test", Password, "郑明辉", MinghuiCode),
        new(Roles.Client, "client@haixi-shoes.test", Password, "许海燕", HaixiCode),
        // Signed up and waiting for the lab's approval: cannot sign in until reception approves it.
        new(Roles.Client, "client@hongda-textile.test", Password, "吴宏达", HongdaCode),
        new(Roles.Reception, "reception@lablims.test", Password, "王丽"),
        new(Roles.Technician, "technician@lablims.test", Password, "陈志强"),
        new(Roles.Reviewer, "reviewer@lablims.test", Password, "林晓燕"),
        new(Roles.Signatory, "signatory@lablims.test", Password, "黄建国"),
        new(Roles.Admin, "admin@lablims.test", Password, "系统管理员 Admin"),
    ];

    public static async Task SeedAsync(LabDbContext db, UserManager<LabUser> users, NumberAllocator numbers,
        TimeProvider clock, CancellationToken ct = default)
    {
        var minghuiCode = CreditCode.Parse(MinghuiCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Enterprises.Where(e => e.CreditCode == minghuiCode).Select(e => (int?)e.Id).SingleOrDefaultAsync(ct);
        if (existing is { } seededId)
        {
            // Demo databases made before the API get its keys too.
            await EnsureApiKeyAsync(db, seededId, now, ct);
            await EnsureStationKeyAsync(db, now, ct);
            return;
        }

        var minghui = new Enterprise("晋江明辉伞业有限公司", minghuiCode, "福建省泉州市晋江市池店镇创新大道 88 号",
            "郑明辉", "0595-8566 1234", "client@minghui-umbrella.test", now.AddDays(-60));
        minghui.AddContact("质量部 Quality dept.", "0595-8566 1235", "quality@minghui-umbrella.test", receivesReports: true);
        minghui.Approve("admin@lablims.test", now.AddDays(-59));
        var haixi = new Enterprise("福建海西鞋业有限公司", CreditCode.Parse(HaixiCode), "福建省泉州市晋江市陈埭镇鞋都路 16 号",
            "许海燕", "0595-8577 5678", "client@haixi-shoes.test", now.AddDays(-40));
        haixi.Approve("admin@lablims.test", now.AddDays(-39));
        var hongda = new Enterprise("晋江宏达纺织有限公司", CreditCode.Parse(HongdaCode), "福建省泉州市晋江市英林镇纺织园 8 号",
            "吴宏达", "0595-8588 2468", "client@hongda-textile.test", now.AddHours(-20));
        db.Enterprises.AddRange(minghui, haixi, hongda);
        await db.SaveChangesAsync(ct);
        await EnsureApiKeyAsync(db, minghui.Id, now, ct);
        await EnsureStationKeyAsync(db, now, ct);

        foreach (var demo in Users)
        {
            var enterpriseId = demo.EnterpriseCreditCode == MinghuiCode ? minghui.Id
                : demo.EnterpriseCreditCode == HaixiCode ? haixi.Id
                : demo.EnterpriseCreditCode == HongdaCode ? hongda.Id : (int?)null;
            await EnsureUserAsync(users, demo, enterpriseId, now);
        }

        var methods = await db.TestMethods.ToDictionaryAsync(m => m.Code, ct);
        var calendar = WorkingDayCalendar.WeekdaysOnly;
        const string client1 = "client@minghui-umbrella.test";
        const string client2 = "client@haixi-shoes.test";
        const string reception = "reception@lablims.test";
        const string technician = "technician@lablims.test";

        // 1. A draft the enterprise is still filling in.
        var draft = new TestRequest(minghui.Id, client1, now.AddHours(-3));
        var s = draft.AddSample("三折自动晴雨伞", "MH-3F-21", "明辉", "2026-11 批", 2, "全新，独立包装");
        draft.AddAnalysis(s, methods["UMB-WIND"]);
        db.TestRequests.Add(draft);

        // 2. Submitted, samples on their way.
        var submitted = await SubmittedAsync(db, numbers, calendar, minghui.Id, client1, now.AddDays(-1),
            ("直杆晴雨伞 27 寸", "MH-L27", "明辉", 3, ["UMB-FRAME", "UMB-WIND", "UMB-OC"]));

        // 3. Received, waiting for an instrument.
        var received = await SubmittedAsync(db, numbers, calendar, minghui.Id, client1, now.AddDays(-4),
            ("防晒遮阳伞", "MH-UV50", "明辉", 2, ["UMB-UPF", "UMB-RAIN"]),
            ("伞面面料 190T 涤纶", "190T-PG", "明辉", 5, ["TEX-HYD"]));
        foreach (var sample in received.Samples)
            received.ReceiveSample(sample, reception, now.AddDays(-3), sample.Quantity, SampleCondition.Intact, null);

        // 4. In testing: one result in, one to go; one sample arrived damaged.
        var testing = await SubmittedAsync(db, numbers, calendar, haixi.Id, client2, now.AddDays(-6),
            ("男式休闲运动鞋", "HX-2026-08", "海西", 2, ["FTW-FLX", "FTW-PEEL", "FTW-HRD"]));
        var shoe = testing.Samples[0];
        testing.ReceiveSample(shoe, reception, now.AddDays(-5), 2, SampleCondition.Damaged, "左脚鞋盒破损，鞋面有轻微压痕 / Left shoe box torn, slight dent on the upper");
        var hardness = shoe.Analyses.Single(a => a.MethodCode == "FTW-HRD");
        testing.StartAnalysis(hardness, now.AddDays(-2));
        testing.RecordResult(hardness, 62.4, technician, now.AddDays(-2));

        // 5. Every result in, waiting for review.
        var reviewing = await SubmittedAsync(db, numbers, calendar, haixi.Id, client2, now.AddDays(-9),
            ("EVA 发泡鞋底片", "EVA-45C", "海西", 3, ["FOM-DEN", "FOM-HRD"]));
        var sole = reviewing.Samples[0];
        reviewing.ReceiveSample(sole, reception, now.AddDays(-8), 3, SampleCondition.Intact, null);
        reviewing.RecordResult(sole.Analyses.Single(a => a.MethodCode == "FOM-DEN"), 301.6, technician, now.AddDays(-4));
        reviewing.RecordResult(sole.Analyses.Single(a => a.MethodCode == "FOM-HRD"), 58, technician, now.AddDays(-4));

        // 6. Cancelled before the parcel left.
        var cancelled = await SubmittedAsync(db, numbers, calendar, haixi.Id, client2, now.AddDays(-12),
            ("儿童凉鞋", "HX-K12", "海西", 2, ["FTW-DIN"]));
        cancelled.Cancel("客户改期送样 / Customer postponed the samples", now.AddDays(-11));

        // Instruments that show what the calibration rules do: one expired (refused), one falling due (reminded).
        var today = DateOnly.FromDateTime(now);
        var expired = new Lab.Domain.Instruments.Instrument("UTM-03", "高铁 AI-7000-M 万能材料试验机（待校准）",
            Lab.Domain.Instruments.InstrumentType.UniversalTestingMachine, "力学室 Mechanics lab 201", "GT20190655");
        expired.RecordCalibration("JZ2025-00877", today.AddMonths(-12).AddDays(-10), today.AddDays(-10));
        var dueSoon = new Lab.Domain.Instruments.Instrument("HYD-02", "温州大荣 YG812D 数字式织物渗水性测试仪",
            Lab.Domain.Instruments.InstrumentType.HydrostaticHeadTester, "色牢度室 Colour fastness lab 203", "YG812D-22981");
        dueSoon.RecordCalibration("JZ2025-01933", today.AddMonths(-12).AddDays(12), today.AddDays(12));
        if (!await db.Instruments.AnyAsync(i => i.Code == "UTM-03", ct)) db.Instruments.AddRange(expired, dueSoon);

        await db.SaveChangesAsync(ct);
    }

    private static async Task<TestRequest> SubmittedAsync(LabDbContext db, NumberAllocator numbers, WorkingDayCalendar calendar,
        int enterpriseId, string by, DateTime at, params (string Name, string Model, string Brand, int Quantity, string[] Methods)[] samples)
    {
        var methods = await db.TestMethods.ToDictionaryAsync(m => m.Code);
        var request = new TestRequest(enterpriseId, by, at);
        request.SetTerms(DecisionRule.SimpleAcceptance, Urgency.Normal, ReportLanguage.Zh, SampleDisposal.Dispose, false, null, [by]);
        foreach (var (name, model, brand, quantity, codes) in samples)
        {
            var sample = request.AddSample(name, model, brand, null, quantity, null);
            foreach (var code in codes) request.AddAnalysis(sample, methods[code]);
        }
        var total = request.CurrentAnalyses.Sum(a => a.PriceCny);
        var days = request.CurrentAnalyses.Max(a => methods[a.MethodCode].TurnaroundDays);
        var number = await numbers.NextAsync(NumberKind.Request);
        var barcodes = await numbers.NextAsync(NumberKind.Sample, request.Samples.Count);
        request.Submit(number, barcodes, total, calendar.AddWorkingDays(DateOnly.FromDateTime(at), days), at);
        db.TestRequests.Add(request);
        return request;
    }

    private static async Task EnsureApiKeyAsync(LabDbContext db, int enterpriseId, DateTime now, CancellationToken ct)
    {
        var hash = ApiKey.HashOf(MinghuiApiKey);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) return;
        db.ApiKeys.Add(new ApiKey
        {
            Kind = ApiKeyKind.Enterprise,
            Name = MinghuiApiKeyName,
            Prefix = MinghuiApiKey[..12],
            Hash = hash,
            EnterpriseId = enterpriseId,
            CreatedBy = "client@minghui-umbrella.test",
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureStationKeyAsync(LabDbContext db, DateTime now, CancellationToken ct)
    {
        var hash = ApiKey.HashOf(ReceptionStationKey);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) return;
        db.ApiKeys.Add(new ApiKey
        {
            Kind = ApiKeyKind.Station,
            Name = ReceptionStationKeyName,
            Prefix = ReceptionStationKey[..12],
            Hash = hash,
            CreatedBy = "admin@lablims.test",
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    public static async Task<LabUser> EnsureUserAsync(UserManager<LabUser> users, DemoUser demo, int? enterpriseId, DateTime now)
    {
        var user = await users.FindByEmailAsync(demo.Email);
        if (user is not null) return user;
        user = new LabUser
        {
            UserName = demo.Email,
            Email = demo.Email,
            EmailConfirmed = true,
            DisplayName = demo.DisplayName,
            EnterpriseId = enterpriseId,
            CreatedAt = now,
        };
        Check(await users.CreateAsync(user, demo.Password), demo.Email);
        Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
        return user;
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {who}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
