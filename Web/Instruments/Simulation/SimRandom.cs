namespace Web.Instruments.Simulation;

/// <summary>
/// A small deterministic generator (SplitMix64) so simulated data depend on the seed alone, on every machine and
/// runtime version (System.Random's sequence is not a documented contract).
/// </summary>
internal sealed class SimRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed mixed from the request's seed and stable (not per-process) hashes of the given texts.</summary>
    public static SimRandom For(int seed, params string[] texts)
    {
        var h = 14695981039346656037UL; // FNV-1a 64
        foreach (var text in texts)
        {
            foreach (var c in text.ToUpperInvariant())
            {
                h ^= c;
                h *= 1099511628211UL;
            }
            h ^= 0xFF;
            h *= 1099511628211UL;
        }
        return new SimRandom(h ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform whole number in [min, max).</summary>
    public int Int(int min, int max) => min + (int)(NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count)];

    /// <summary>Normal (Box–Muller).</summary>
    public double Normal(double mean, double sd)
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]
        var u2 = NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
