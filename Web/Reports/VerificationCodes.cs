using System.Security.Cryptography;

namespace Web.Reports;

/// <summary>
/// The code behind the QR on a report (/verify/{code}). Anyone holding it sees the report's public facts, so it
/// must not be guessable: 20 characters drawn by <see cref="RandomNumberGenerator"/> from 32 letters and digits
/// (100 bits). The alphabet leaves out 0/O and 1/I, which people misread when they type a code from paper.
/// </summary>
public static class VerificationCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 20;

    /// <summary>A new code, e.g. "K7QX2MZP9R4TWB8HN3DV".</summary>
    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>
    /// A code as typed or scanned, in the form it is stored: spaces and dashes (people group characters) dropped,
    /// upper case. Null when it cannot be a code at all, so nothing is looked up for it.
    /// </summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100) return null;
        var cleaned = new string(code.Where(c => c is not (' ' or '-')).ToArray());
        return cleaned.Length is >= 16 and <= 64 && cleaned.All(char.IsAsciiLetterOrDigit) ? cleaned.ToUpperInvariant() : null;
    }
}
