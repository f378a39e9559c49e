using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lab.Domain.Enterprises;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Lab.Domain.Catalog;
using Lab.Data.Identity;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>Every UI string exists in English and Chinese, and every key the views use is defined.</summary>
public sealed partial class Localization
{
    private static readonly string Resources = Path.Combine(TestFolders.RepositoryRoot, "Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void BothLanguagesHaveTheSameKeysAndNoEmptyText()
    {
        var en = Load("SharedResource.resx");
        var zh = Load("SharedResource.zh-CN.resx");

        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.All(en, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(zh, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        // The Chinese set is Chinese: most values hold CJK characters.
        Assert.True(zh.Values.Count(v => v.Any(c => c is >= '\u4e00' and <= '\u9fff')) > zh.Count * 0.8);
    }

    [Fact]
    public void EveryKeyTheViewsAndControllersUseIsDefined()
    {
        var en = Load("SharedResource.resx");
        var web = Path.Combine(TestFolders.RepositoryRoot, "Web");
        var used = Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => StaticKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.True(used.Count > 100, $"Only {used.Count} keys found: is the pattern still right?");
        Assert.DoesNotContain(used, k => !en.ContainsKey(k));
    }

    [Fact]
    public void EveryStatusAndChoiceShownOnAPageHasAName()
    {
        var en = Load("SharedResource.resx");
        IEnumerable<string> Keys<T>(string prefix) where T : struct, Enum => Enum.GetNames<T>().Select(n => prefix + "." + n);
        var needed = Keys<RequestStatus>("RequestStatus").Concat(Keys<SampleStatus>("SampleStatus"))
            .Concat(Keys<AnalysisStatus>("AnalysisStatus")).Concat(Keys<Verdict>("Verdict"))
            .Concat(Keys<DecisionRule>("DecisionRule")).Concat(Keys<Urgency>("Urgency"))
            .Concat(Keys<ReportLanguage>("ReportLanguage")).Concat(Keys<Lab.Domain.Reports.ReportStatus>("ReportStatus")).Concat(Keys<SampleDisposal>("SampleDisposal"))
            .Concat(Keys<SampleCondition>("SampleCondition")).Concat(Keys<EnterpriseStatus>("EnterpriseStatus"))
            .Concat(Keys<InstrumentStatus>("InstrumentStatus")).Concat(Keys<global::Web.Models.Work.CalibrationState>("CalibrationState"))
            .Concat(Roles.All.Select(r => "Role." + r))
            .Concat(new[] { "UMB", "FTW", "TEX", "FOM" }.Select(f => "Home.Family." + f))
            .Concat(new[] { "NotFound", "Forbidden", "ServerError", "Other", "TooMany" }.SelectMany(s => new[] { $"Status.{s}.Title", $"Status.{s}.Text" }));

        var missing = needed.Where(k => !en.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void ViewsHaveNoHardCodedChineseText()
    {
        var views = Path.Combine(TestFolders.RepositoryRoot, "Web", "Views");
        var offenders = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            // The language switch names each language in itself, as every bilingual site does.
            .Where(x => x.line.Any(c => c is >= '\u4e00' and <= '\u9fff') && !x.line.Contains("data-lang=", StringComparison.Ordinal)
                && !x.line.Contains("lab-logo", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex("""(?<![A-Za-z0-9_])[Ll]\["([A-Za-z0-9_.\-]+)"[\],]""")]
    private static partial Regex StaticKey();
}
