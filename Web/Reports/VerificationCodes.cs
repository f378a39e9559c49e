using System.Security.Cryptography;

namespace Web.Reports;

/// <summary>The unguessable code behind a report's QR (/verify/{code}): 20 characters of a 32-letter alphabet, 100 bits.</summary>
public static class VerificationCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);
}
