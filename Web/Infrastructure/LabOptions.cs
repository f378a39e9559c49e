namespace Web.Infrastructure;

/// <summary>The "Lab" section: where data lives and what is seeded.</summary>
public sealed class LabOptions
{
    public const string Section = "Lab";

    /// <summary>Folder for the database, job storage, mail outbox and files; relative paths are resolved against the app's content root.</summary>
    public string DataFolder { get; set; } = "data";
    /// <summary>Seed demo enterprises, users and requests (always on in Development).</summary>
    public bool DemoData { get; set; }
    /// <summary>Hangfire's queue poll interval; its default (15 s) makes jobs feel stuck.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// Worker count of the in-process job server: twice the cores, at least 4. An instrument run holds its worker while
    /// the instrument tests (seconds to minutes on the real machines) and every job waits for lablims.db's commits to
    /// reach the disk, so one worker per core left the cores idle and let two long tests hold up every email and
    /// certificate. In the benchmark's runs, which do not wait for an instrument, 4 and 2 workers drained at about the
    /// same rate (within the machine's noise, bench/, jobs); 8 were slower, queueing for lablims.db's write lock.
    /// </summary>
    public int JobWorkers { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);
    /// <summary>Days a sample is kept after its report is issued.</summary>
    public int RetentionDays { get; set; } = 90;
    /// <summary>Urgent service: surcharge and how much of the normal turnaround it takes.</summary>
    public Lab.Domain.Requests.PricingTerms Pricing { get; set; } = Lab.Domain.Requests.PricingTerms.Default;
    /// <summary>The address people reach the app at, for links in emails (e.g. https://lims.example.cn).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

/// <summary>The "Admin" section: the first administrator in Production (no demo users there).</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string DisplayName { get; set; } = "Administrator";
}

public sealed class DataPaths(string root)
{
    public string Root { get; } = root;
    public string Database => Path.Combine(Root, "lablims.db");
    public string Jobs => Path.Combine(Root, "jobs.db");
    public string Outbox => Path.Combine(Root, "outbox");
    public string Files => Path.Combine(Root, "files");

    public static DataPaths Resolve(LabOptions options, string contentRoot)
    {
        var root = Path.GetFullPath(Path.IsPathRooted(options.DataFolder) ? options.DataFolder : Path.Combine(contentRoot, options.DataFolder));
        Directory.CreateDirectory(root);
        return new DataPaths(root);
    }
}
