using System.Diagnostics;

namespace LabLims.Bench;

/// <summary>Requests answered in the measured window (with their latencies), and all requests started, warm-up included.</summary>
public sealed record LoadResult(long Requests, long Failures, double Seconds, Latencies Latencies, long Started)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>Several measured windows of the same load as one: requests and seconds added, latencies pooled.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> windows)
    {
        var latencies = new Latencies();
        foreach (var w in windows) latencies.AddRange(w.Latencies.Values);
        return new LoadResult(windows.Sum(w => w.Requests), windows.Sum(w => w.Failures), windows.Sum(w => w.Seconds), latencies,
            windows.Sum(w => w.Started));
    }
}

/// <summary>
/// A closed-loop load: <c>connections</c> tasks share one SocketsHttpHandler (MaxConnectionsPerServer =
/// connections), each sending its next request as soon as the last one is answered. Requests started during the
/// warm-up are not counted; those started in the measured window are, with their latency.
/// </summary>
public static class LoadLoop
{
    public static async Task<LoadResult> RunAsync(string baseAddress, string? key, Func<Random, string> path, int connections,
        TimeSpan warmUp, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = new Uri(baseAddress),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var clock = Stopwatch.StartNew();
        var measureFrom = warmUp;
        var measureTo = warmUp + duration;
        var perTask = await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var random = new Random(i);
            var times = new List<double>(4096);
            long failures = 0, started = 0;
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var startedAt = clock.Elapsed;
                if (startedAt >= measureTo) break;
                var sent = Stopwatch.GetTimestamp();
                started++;
                bool ok;
                using (var response = await client.GetAsync(path(random), HttpCompletionOption.ResponseHeadersRead))
                {
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    while (await stream.ReadAsync(buffer) > 0) { }
                    ok = response.IsSuccessStatusCode;
                }
                if (startedAt < measureFrom) continue;
                times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!ok) failures++;
            }
            return (times, failures, started);
        })));

        var latencies = new Latencies();
        foreach (var (times, _, _) in perTask) latencies.AddRange(times);
        return new LoadResult(latencies.Count, perTask.Sum(t => t.failures), duration.TotalSeconds, latencies, perTask.Sum(t => t.started));
    }
}
