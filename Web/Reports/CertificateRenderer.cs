using Web.Reports.Fonts;

namespace Web.Reports;

/// <summary>Lays a test report out as an A4 PDF.</summary>
public interface ICertificateRenderer
{
    byte[] Render(CertificateData data);
}

public sealed class CertificateRenderer(CjkFonts fonts) : ICertificateRenderer
{
    public byte[] Render(CertificateData data) => throw new NotImplementedException($"in progress ({fonts.PdfFamily})");
}
