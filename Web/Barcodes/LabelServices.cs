using Microsoft.Extensions.Options;
using Web.Reports.Fonts;

namespace Web.Barcodes;

public static class LabelServices
{
    /// <summary>
    /// Barcode images, label rendering and decoding, with the "Labels" and "Fonts" configuration sections. All are
    /// stateless singletons (the CJK font is loaded once).
    /// </summary>
    public static IServiceCollection AddLabels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LabelOptions>(configuration.GetSection(LabelOptions.Section));
        services.Configure<CjkFontOptions>(configuration.GetSection(CjkFontOptions.Section));
        services.AddSingleton(sp => new CjkFonts(sp.GetRequiredService<IOptions<CjkFontOptions>>()));
        services.AddSingleton<IBarcodeImages, BarcodeImages>();
        services.AddSingleton<ILabelRenderer, LabelRenderer>();
        services.AddSingleton<IBarcodeDecoder, BarcodeDecoder>();
        return services;
    }
}
