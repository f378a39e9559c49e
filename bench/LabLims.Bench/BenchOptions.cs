namespace LabLims.Bench;

/// <summary>--keep keeps the temporary data folder; --data FOLDER (lookup) reuses a database a kept run made.</summary>
public sealed record BenchOptions(bool Keep, string? Data)
{
    public static BenchOptions Parse(string[] args)
    {
        var keep = false;
        string? data = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] == "--data" && i + 1 < args.Length) data = Path.GetFullPath(args[++i]);
            else throw new ArgumentException($"Unknown option {args[i]}.");
        }
        return new BenchOptions(keep, data);
    }
}
