using System.Diagnostics;

namespace Tests.Barcodes;

/// <summary>
/// Poppler and ZBar as processes: an independent decoder (zbarimg) and the reference PDF renderer and text
/// extractor (pdftoppm, pdftotext). test.sh installs them (Debian packages zbar-tools and poppler-utils).
/// </summary>
public static class ExternalTools
{
    /// <summary>One symbol zbarimg found: its type as zbar names it (CODE-128, QR-Code) and its data.</summary>
    public sealed record ZbarSymbol(string Type, string Data)
    {
        public bool IsCode128 => Type == "CODE-128";
        public bool IsQr => Type == "QR-Code";
    }

    /// <summary>
    /// Every symbol zbarimg reads in an image. Without --raw it prefixes each line with the symbology, so a test can
    /// tell the Code 128 from the QR code of the same label.
    /// </summary>
    public static IReadOnlyList<ZbarSymbol> Zbar(string imageFile)
    {
        var (exit, output, error) = Run("zbarimg", "--quiet", imageFile);
        // 0: symbols found, 4: none found; anything else is a failure of the tool itself.
        if (exit is not (0 or 4)) throw new InvalidOperationException($"zbarimg exited {exit}: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Select(parts => new ZbarSymbol(parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();
    }

    public static IReadOnlyList<ZbarSymbol> Zbar(byte[] png, string folder, string name)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllBytes(file, png);
        return Zbar(file);
    }

    /// <summary>The PDF's pages rendered by poppler at <paramref name="dpi"/>, as PNG files in page order.</summary>
    public static IReadOnlyList<string> PdfToPngs(byte[] pdf, string folder, int dpi = 300)
    {
        var input = Path.Combine(folder, "labels.pdf");
        File.WriteAllBytes(input, pdf);
        var (exit, _, error) = Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", input, Path.Combine(folder, "page"));
        if (exit != 0) throw new InvalidOperationException($"pdftoppm exited {exit}: {error}");
        return Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The PDF's text as poppler extracts it (UTF-8).</summary>
    public static string PdfToText(byte[] pdf, string folder)
    {
        var input = Path.Combine(folder, "text.pdf");
        File.WriteAllBytes(input, pdf);
        var (exit, output, error) = Run("pdftotext", "-enc", "UTF-8", input, "-");
        if (exit != 0) throw new InvalidOperationException($"pdftotext exited {exit}: {error}");
        return output;
    }

    private static (int Exit, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} ran longer than 2 minutes.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
