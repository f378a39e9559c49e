using Lab.Domain.Custody;
using Lab.Domain.Requests;
using Web.Samples;

namespace Web.Models.Samples;

public enum ScanOutcome { None, Empty, Ok, Warning, Error, Confirm }

public sealed record ScanStationVm(ScanAction Mode, string? LocationBarcode, string? LocationName, IReadOnlyList<StorageLocation> Locations,
    ScanFound? Found, IReadOnlyList<CustodyEvent> Chain, ScanOutcome Outcome, string? Message, int Quantity, SampleCondition Condition,
    string? Note);
