using Lab.Domain.Results;

namespace Web.Instruments;

/// <summary>
/// Raw data to result: parses the capture and runs the method's calculation (<see cref="MethodCalculations"/>). The value is
/// not rounded: <c>Analysis.RecordValue</c> rounds it to the method's precision. For a pass/fail method an instrument can
/// judge (UMB-WIND, UMB-HDL) <see cref="CalculatedResult.MeetsRequirement"/> carries the finding.
/// </summary>
public static class ResultEngine
{
    /// <summary>True when the method's result is calculated from instrument data; false for manual entry.</summary>
    public static bool Calculates(string methodCode) => MethodCalculations.For(methodCode) is not null;

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> for a method entered by hand, <see cref="RawDataFormatException"/> for a
    /// capture that is not a valid file of the format the method needs (or is another method's file), and
    /// <see cref="CalculationException"/> for a valid file that does not yield a result.
    /// </summary>
    public static CalculatedResult Compute(string methodCode, RawCapture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var calculation = MethodCalculations.For(methodCode)
            ?? throw new InvalidOperationException($"{methodCode} has no instrument calculation: its result is entered by hand.");
        if (capture.Format != calculation.Format)
            throw new RawDataFormatException($"{calculation.MethodCode} is calculated from {calculation.Format} data; the capture is {capture.Format}.");
        var record = RawDataParser.Parse(capture);
        if (!string.Equals(record.Header.Method, calculation.MethodCode, StringComparison.OrdinalIgnoreCase))
            throw new RawDataFormatException($"The file is for method {record.Header.Method}, not {calculation.MethodCode}.", 4);
        return calculation.Calculate(record);
    }
}
