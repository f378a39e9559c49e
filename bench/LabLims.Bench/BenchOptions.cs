namespace LabLims.Bench;

/// <summary>
/// --keep keeps the temporary data folder; --data FOLDER (lookup) reuses a database a kept run made; --web WEB.DLL runs
/// another build of the app (a copy of Web/bin/Release/net10.0 made before a change, to compare before and after).
/// </summary>
public sealed record BenchOptions(bool Keep, string? Data, string? Web)
{
    public static BenchOptions Parse(string[] args)
    {
        var keep = false;
        string? data = null;
        string? web = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] == "--data" && i + 1 < args.Length) data = Path.GetFullPath(args[++i]);
            else if (args[i] == "--web" && i + 1 < args.Length) web = Path.GetFullPath(args[++i]);
            else throw new ArgumentException($"Unknown option {args[i]}.");
        }
        return new BenchOptions(keep, data, web);
    }
}
