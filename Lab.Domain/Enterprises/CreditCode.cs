using Lab.Domain.Common;

namespace Lab.Domain.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet (digits and capitals without I, O, Z, S, V); the last one is a check character over the first 17
/// with weights 3^i mod 31.
/// </summary>
public sealed record CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public string Value { get; }

    private CreditCode(string value) => Value = value;

    public static CreditCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code! : throw new DomainException("credit-code-" + error, error switch
        {
            "length" => "A unified social credit code has 18 characters.",
            "character" => "A unified social credit code uses digits and capital letters except I, O, Z, S and V.",
            _ => "The unified social credit code's check character does not match: please check it for a typo.",
        });

    /// <summary>Parses a code typed by a person (spaces ignored, lower case accepted). <paramref name="error"/> is length, character or check.</summary>
    public static bool TryParse(string? text, out CreditCode? code, out string? error)
    {
        code = null;
        var t = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (t.Length != 18) { error = "length"; return false; }
        if (t.Any(c => !Alphabet.Contains(c))) { error = "character"; return false; }
        if (CheckCharacter(t[..17]) != t[17]) { error = "check"; return false; }
        error = null;
        code = new CreditCode(t);
        return true;
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Expected 17 characters.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0) throw new ArgumentException($"'{first17[i]}' is not in the code alphabet.", nameof(first17));
            sum += v * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        return Alphabet[check];
    }

    public override string ToString() => Value;
}
