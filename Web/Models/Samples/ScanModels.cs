using Lab.Domain.Custody;
using Lab.Domain.Requests;
using Web.Samples;

namespace Web.Models.Samples;

public enum ScanOutcome { None, Empty, Ok, Warning, Error, Confirm }

public sealed record ScanStationVm(ScanAction Mode, string? LocationBarcode, string? LocationName, IReadOnlyList<StorageLocation> Locations,
    ScanFound? Found, IReadOnlyList<CustodyEvent> Chain, ScanOutcome Outcome, string? Message, int Quantity, SampleCondition Condition,
    string? Note);

public sealed record CustodyRowVm(DateTime At, CustodyAction Action, string Barcode, string? LocationName, string By, string? Station, string? Note);

public sealed record SampleDetailsVm(ScanFound Found, IReadOnlyList<CustodyRowVm> Chain, bool IsStaff);

public sealed record RetentionRowVm(string Barcode, string Name, string RequestNumber, string EnterpriseName, DateOnly? RetainUntil,
    SampleDisposal Disposal, string? LocationName, bool Due);

public sealed record RetentionVm(DateOnly Today, int RetentionDays, IReadOnlyList<RetentionRowVm> Rows);
