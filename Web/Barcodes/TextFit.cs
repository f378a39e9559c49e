using System.Globalization;

namespace Web.Barcodes;

/// <summary>Fits a line into a width: whole characters (never half a surrogate pair), an ellipsis where text was cut.</summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>The text, or its longest start that fits with an ellipsis after it.</summary>
    public static string Fit(string text, double maxWidth, Func<string, double> width)
    {
        if (width(text) <= maxWidth) return text;
        var ends = ElementEnds(text);
        var count = Longest(ends.Length, n => width(text[..ends[n - 1]].TrimEnd() + Ellipsis) <= maxWidth);
        return count == 0 ? (width(Ellipsis) <= maxWidth ? Ellipsis : "") : text[..ends[count - 1]].TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// The text on one line, or on two: the first as long as fits (breaking Latin text at a space rather than inside a
    /// word, Chinese anywhere), the second fitted with an ellipsis when the rest is still too long.
    /// </summary>
    public static (string First, string? Second) Wrap2(string text, double maxWidth, Func<string, double> width)
    {
        if (width(text) <= maxWidth) return (text, null);
        var ends = ElementEnds(text);
        var count = Longest(ends.Length, n => width(text[..ends[n - 1]]) <= maxWidth);
        if (count == 0) return (Fit(text, maxWidth, width), null);
        var cut = ends[count - 1];
        if (IsWordCharacter(text[cut - 1]) && IsWordCharacter(text[cut]))
        {
            var space = text.LastIndexOf(' ', cut - 1);
            if (space > cut / 2) cut = space;
        }
        var rest = text[cut..].TrimStart();
        return (text[..cut].TrimEnd(), rest.Length == 0 ? null : Fit(rest, maxWidth, width));
    }

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>End index of each text element (grapheme), so cuts never split a surrogate pair or a combining mark.</summary>
    private static int[] ElementEnds(string text)
    {
        var starts = StringInfo.ParseCombiningCharacters(text);
        var ends = new int[starts.Length];
        for (var i = 0; i < starts.Length; i++) ends[i] = i + 1 < starts.Length ? starts[i + 1] : text.Length;
        return ends;
    }

    /// <summary>The largest n in [0, max] with fits(n) (fits is monotone; fits(0) is not asked).</summary>
    private static int Longest(int max, Func<int, bool> fits)
    {
        int lo = 0, hi = max;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (fits(mid)) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
