namespace Lab.Domain.Results;

/// <summary>Open/close endurance of umbrellas (GB/T 23147-2018 §5.10: fault-free consecutive cycles).</summary>
public static class Endurance
{
    public const string Ok = "OK";

    /// <summary>
    /// Cycles completed before the first failure: the cycle before the first row whose status is not "OK", or the last
    /// cycle when the tester reached its target without a fault.
    /// </summary>
    public static int CyclesBeforeFirstFailure(IReadOnlyList<CycleEntry> cycles)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        if (cycles.Count == 0) throw new CalculationException("The cycle log has no cycles.");
        for (var i = 0; i < cycles.Count; i++)
        {
            if (cycles[i].Cycle != i + 1)
                throw new CalculationException($"The cycle log skips or repeats a cycle: row {i + 1} is cycle {cycles[i].Cycle}.");
            if (!string.Equals(cycles[i].Status.Trim(), Ok, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return cycles.Count;
    }
}
