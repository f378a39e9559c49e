using Lab.Domain.Common;

namespace Lab.Domain.Results;

/// <summary>
/// Raw data that is well formed but does not yield a result: no third drop before the end of the ramp, a parameter
/// the calculation needs is missing, a spectrum that does not cover 290–400 nm... The run cannot complete from it;
/// retrying does not help.
/// </summary>
public sealed class CalculationException(string message) : DomainException("result-calculation", message);
