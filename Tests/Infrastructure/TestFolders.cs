namespace Tests.Infrastructure;

/// <summary>Where tests put things: fresh temp folders for data, TestResults/ at the repository root for evidence.</summary>
public static class TestFolders
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding LabLims.sln (the test run's working folder is deep under Tests/bin).</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Results => Path.Combine(RepositoryRoot, "TestResults");

    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Results, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>A new, empty folder under the system temp folder, named for what it is for.</summary>
    public static string NewTemp(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lablims-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Deletes a temp folder; a file still held open must not fail the test that made it. Clear the SQLite
    /// pool of a database in it first (pooled connections keep the files open).
    /// </summary>
    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LabLims.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
