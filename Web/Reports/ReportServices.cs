namespace Web.Reports;

public static class ReportServices
{
    /// <summary>Approval, the certificate job and the report email.</summary>
    public static IServiceCollection AddReportIssuing(this IServiceCollection services)
    {
        services.AddScoped<ReportIssuing>();
        services.AddScoped<ReportEmails>();
        services.AddScoped<CertificateJobs>();
        return services;
    }
}
