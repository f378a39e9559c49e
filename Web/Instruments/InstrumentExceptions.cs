namespace Web.Instruments;

/// <summary>The instrument did not answer (switched off, cable out, busy PC). Retrying later may succeed.</summary>
public sealed class InstrumentUnavailableException(string instrumentCode, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string InstrumentCode { get; } = instrumentCode;
    public bool IsRetriable => true;
}

/// <summary>The test began but was stopped (specimen slipped, emergency stop). Not retried automatically.</summary>
public sealed class RunAbortedException(string instrumentCode, string reason)
    : Exception($"The run on {instrumentCode} was aborted: {reason}")
{
    public string InstrumentCode { get; } = instrumentCode;
    public string Reason { get; } = reason;
}

/// <summary>
/// A raw-data file that is not a valid file of its format: empty, truncated, a wrong header, a value that is not a
/// number. <see cref="Line"/> is the 1-based line the problem is on, when there is one; the message names it too.
/// </summary>
public sealed class RawDataFormatException(string message, int? line = null) : Exception(line is { } l ? $"Line {l}: {message}" : message)
{
    public int? Line { get; } = line;
}
