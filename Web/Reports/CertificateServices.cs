namespace Web.Reports;

public static class CertificateServices
{
    /// <summary>
    /// The test report: <see cref="CertificateBuilder"/> (scoped: it reads the database) gathers a report's
    /// <see cref="CertificateData"/>, <see cref="ICertificateRenderer"/> (a stateless singleton) lays it out as a PDF.
    /// Needs the fonts registered by AddLabels.
    /// </summary>
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CertificateOptions>(configuration.GetSection(CertificateOptions.Section));
        services.AddScoped<CertificateBuilder>();
        services.AddSingleton<ICertificateRenderer, CertificateRenderer>();
        return services;
    }
}
