namespace Tests.Infrastructure;

/// <summary>
/// One SMTP capture and one running app (on Kestrel) shared by every web and browser test. Hangfire keeps
/// process-wide state (GlobalConfiguration), so a second app host in the same test process would break the
/// first one's job server when either is disposed: there is exactly one, for the whole run.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private LabAppFactory? _app;

    public SmtpCapture Smtp { get; } = new();

    public LabAppFactory App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        _app = new LabAppFactory(Smtp.Port);
        // StartServer blocks while the app migrates and seeds; keep it off xunit's synchronization context.
        await Task.Run(_app.Start);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// The web and browser tests: one app, run one test at a time (after the parallel domain and data tests).
/// Use <c>[Collection(AppCollection.Name)]</c> and take <see cref="AppFixture"/> (and <see cref="BrowserFixture"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "app";
}
