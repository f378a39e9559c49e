using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Lab.Domain.Requests;

/// <summary>
/// A result changed after it was recorded (ISO/IEC 17025 clause 7.5.2): the original value, the new one, when,
/// who, and why. Kept for ever beside the analysis.
/// </summary>
public sealed class ResultChange
{
    public int Id { get; private set; }
    public int AnalysisId { get; private set; }
    public string? OldText { get; private set; }
    public Verdict? OldVerdict { get; private set; }
    public string NewText { get; private set; } = "";
    public Verdict NewVerdict { get; private set; }
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }

    private ResultChange() { } // for EF

    internal ResultChange(string? oldText, Verdict? oldVerdict, string newText, Verdict newVerdict, string reason, string by, DateTime at)
    {
        OldText = oldText;
        OldVerdict = oldVerdict;
        NewText = newText;
        NewVerdict = newVerdict;
        Reason = Guard.Text(reason, nameof(reason), 1000);
        By = Guard.Text(by, nameof(by));
        At = at;
    }
}
