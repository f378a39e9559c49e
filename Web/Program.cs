using System.Globalization;
using Hangfire;
using Hangfire.Storage.SQLite;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Numbering;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Web;
using Web.Api;
using Web.Barcodes;
using Web.Instruments;
using Web.Reports;
using Web.Email;
using Web.Infrastructure;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = "../wwwroot" });
UseRepositoryWebRoot(builder.Environment);

// ---- options and the data folder ----
builder.Services.Configure<LabOptions>(builder.Configuration.GetSection(LabOptions.Section));
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
builder.Services.Configure<BootstrapAdminOptions>(builder.Configuration.GetSection(BootstrapAdminOptions.Section));
var labOptions = builder.Configuration.GetSection(LabOptions.Section).Get<LabOptions>() ?? new LabOptions();
var paths = DataPaths.Resolve(labOptions, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);

// ---- data ----
// Pooled: a request reuses a context (reset when it is returned) instead of building EF's per-context services each
// time, which was a fifth of a scan look-up's CPU (bench/, scan). Contexts hold no state of their own beyond EF's.
builder.Services.AddDbContextPool<LabDbContext>(o => o.UseSqlite($"Data Source={paths.Database};Default Timeout=30")
    .AddInterceptors(new SqliteBusyTimeout(TimeSpan.FromSeconds(30))));
builder.Services.AddScoped(sp => new NumberAllocator(sp.GetRequiredService<LabDbContext>(), sp.GetRequiredService<TimeProvider>(), Lang.LabTimeZone));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<PeopleDirectory>();

// ---- accounts ----
builder.Services
    .AddIdentity<LabUser, IdentityRole>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<LabDbContext>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
// The invitation link carries a password-reset token: give a colleague a week to use it.
builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(Web.Enterprises.TeamService.InvitationDays));
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.Name = "LabLims.Auth";
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    // Identity's security stamp check, then: a client of an enterprise no longer approved (suspended) is signed out.
    var identityCheck = o.Events.OnValidatePrincipal;
    o.Events.OnValidatePrincipal = async context =>
    {
        await identityCheck(context);
        await Web.Enterprises.EnterpriseAccess.ValidateClientAsync(context);
    };
});
builder.Services.AddSingleton<Web.Enterprises.EnterpriseAccess>();
// The booking API's keys (X-Api-Key), used only by the /api/v1 controllers; the cookie stays the default for pages.
builder.Services.AddApiKeyAuthentication();
// GET /api/v1/samples/{barcode} from memory while the database is unchanged (Scan:StateCache; SQLite only).
builder.Services.AddSampleStateCache(builder.Configuration);

// ---- the bilingual shell ----
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
// Chinese text goes out as characters, not &#x...; entities: readable pages, a third of the bytes.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddControllersWithViews(o => o.Filters.Add<DomainExceptionFilter>())
    .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [new("zh-CN"), new("en")];
    o.DefaultRequestCulture = new RequestCulture("zh-CN");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.FallBackToParentCultures = true;
    o.FallBackToParentUICultures = true;
    // A chosen language (cookie) wins over the browser's Accept-Language, which decides a first visit.
    // An invitation link opens in the invited colleague's language when this browser has not chosen one.
    o.RequestCultureProviders = [new CookieRequestCultureProvider(), Web.Enterprises.InvitationCulture.Provider, new AcceptLanguageHeaderRequestCultureProvider()];
});

// ---- jobs ----
builder.Services.AddHangfire((sp, config) => config
    .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UseStorage(JobStorageConnection.CreateStorage(paths.Jobs, new SQLiteStorageOptions
    {
        QueuePollInterval = labOptions.JobPollInterval,
        // The dashboard's history by day and hour reads only aggregated counters: at most this far behind.
        CountersAggregateInterval = TimeSpan.FromSeconds(30),
    })));
builder.Services.AddHangfireServer(o =>
{
    // The job storage takes the queues in this order: email first, so mail already composed (a certificate, a
    // confirmation) goes out before the next certificate is rendered, instead of waiting until no other job is left.
    o.Queues = ["email", "default"];
    o.WorkerCount = labOptions.JobWorkers;
    // Scheduled jobs (retries after a wait) are looked for as often as new ones; Hangfire's default is 15 s.
    o.SchedulePollingInterval = labOptions.JobPollInterval;
    o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
});

// ---- mail ----
builder.Services.AddSingleton<IMailSender>(sp =>
    string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
        ? ActivatorUtilities.CreateInstance<OutboxMailSender>(sp)
        : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));

builder.Services.AddScoped<EmailQueue>();
builder.Services.AddScoped<EmailJobs>();
builder.Services.AddSingleton<EmailComposer>();
builder.Services.AddScoped<Web.Booking.BookingEmails>();
builder.Services.AddScoped<Web.Booking.BookingService>();
builder.Services.AddScoped<Web.Samples.SampleEmails>();
builder.Services.AddScoped<Web.Samples.ScanService>();
builder.Services.AddReportIssuing();
builder.Services.AddLabels(builder.Configuration);
builder.Services.AddScoped<RequestLabels>();
builder.Services.AddCertificates(builder.Configuration);
builder.Services.AddScoped<Web.Instruments.CalibrationReminders>();
// The lab's instruments are not attached to this machine: every type has a simulated driver (real drivers replace them per type).
builder.Services.AddSimulatedInstrumentDrivers(o => o.CaptureDelay = builder.Configuration.GetValue("Instruments:SimulatedCaptureDelay", TimeSpan.FromSeconds(2)));
builder.Services.AddSingleton<Web.Instruments.SimulatedFaults>();
builder.Services.AddScoped<Web.Instruments.RunService>();
builder.Services.AddScoped<Web.Instruments.RunCurveReader>();
builder.Services.AddScoped<Web.Review.ReviewService>();
builder.Services.AddScoped<Web.Instruments.RunJobs>();
builder.Services.AddSingleton<Web.Instruments.ImportFolderWatcher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Web.Instruments.ImportFolderWatcher>());
builder.Services.AddScoped<Web.Enterprises.AccountEmails>();
builder.Services.AddScoped<Web.Enterprises.SignUpService>();
builder.Services.AddScoped<Web.Enterprises.SignInGate>();
builder.Services.AddScoped<Web.Enterprises.EnterpriseApprovals>();
builder.Services.AddScoped<Web.Enterprises.TeamService>();
builder.Services.AddScoped<Web.Reports.ReportFiles>();
builder.Services.AddScoped<Web.Reports.ReportVerification>();
builder.Services.AddVerifyRateLimit(builder.Configuration);

// ---- health ----
builder.Services.AddHealthChecks()
    .AddDbContextCheck<LabDbContext>("database")
    .AddCheck<JobStorageHealthCheck>("jobs");

var app = builder.Build();

await app.Services.InitializeDatabaseAsync(app.Environment, app.Logger);
app.Logger.LogInformation("Data folder: {Folder}", paths.Root);
if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.Host))
    app.Logger.LogInformation("No Smtp:Host configured: mail is written as .eml files to {Outbox}", paths.Outbox);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Home/Error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
app.UseApiProblemDetails();
// Files of the web root for pages; the API (/api/...) has none, so its requests skip the file-system look-up.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseStaticFiles());
app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
app.UseRouting();
app.UseRateLimiter(); // after routing: only the endpoints that ask for a policy (/verify) are limited
// The sign-in cookie is read for every endpoint except those that admit API keys only: their key policies authenticate
// the key and replace the cookie's principal anyway (a scan station's look-up does not pay for it, bench/ scan).
app.UseWhen(context => !ApiKeyDefaults.AdmitsKeysOnly(context.GetEndpoint()), branch => branch.UseAuthentication());
app.UseAuthorization();

app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new AdminDashboardAuthorization()],
    AppPath = "/",
    DashboardTitle = "LabLims jobs",
});
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<EmailJobs>("email-sweep", j => j.SweepAsync(), Cron.Minutely());
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<Web.Instruments.RunJobs>("run-sweep", j => j.SweepLostAsync(), Cron.Minutely());
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<Web.Instruments.CalibrationReminders>("calibration-reminders", j => j.SendAsync(), Cron.Daily(0, 30),
        new RecurringJobOptions { TimeZone = Lang.LabTimeZone });
app.Services.GetRequiredService<IRecurringJobManager>()
    .AddOrUpdate<CertificateJobs>("certificate-sweep", j => j.SweepAsync(), Cron.Minutely());
// The scanner API's look-up (GET /api/v1/samples/{barcode}) is a plain endpoint; the rest of the API is MVC.
app.MapSampleState();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");

app.Run();

// The web root is the repository's wwwroot (beside Web/); a published app carries its own copy.
static void UseRepositoryWebRoot(IWebHostEnvironment env)
{
    var candidates = new[] { Path.Combine(env.ContentRootPath, "..", "wwwroot"), Path.Combine(env.ContentRootPath, "wwwroot") };
    var root = candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    if (root is null) return;
    env.WebRootPath = root;
    env.WebRootFileProvider = new PhysicalFileProvider(root);
}

public partial class Program;
