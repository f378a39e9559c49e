using System.Globalization;
using System.Text;

namespace LabLims.Bench;

/// <summary>A small Markdown table: what was measured, the number, and the goal with whether it was met.</summary>
public sealed class Table(string title)
{
    private readonly List<(string Measure, string Value, string Goal)> _rows = [];

    public Table Row(string measure, string value, string goal = "")
    {
        _rows.Add((measure, value, goal));
        return this;
    }

    public static string Met(bool met) => met ? "met" : "**missed**";

    public static string N(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public void Print(params string[] notes)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine($"### {title}").AppendLine();
        text.AppendLine($"Machine: {Machine.Describe()}; {Machine.OthersNote()}").AppendLine();
        text.AppendLine("| measure | result | goal |").AppendLine("|---|---:|---|");
        foreach (var (measure, value, goal) in _rows) text.AppendLine($"| {measure} | {value} | {goal} |");
        if (notes.Length > 0) text.AppendLine();
        foreach (var note in notes) text.AppendLine(note);
        Console.WriteLine(text.ToString());
    }
}
