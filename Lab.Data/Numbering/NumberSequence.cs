namespace Lab.Data.Numbering;

/// <summary>The last number handed out for a kind of number in a year.</summary>
public class NumberSequence
{
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public long Last { get; set; }
}
