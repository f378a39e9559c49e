using System.Text.Json.Serialization;
using Lab.Domain.Custody;
using Lab.Domain.Requests;

namespace Web.Api;

// The scanner API's shapes (POST /api/v1/scans, GET /api/v1/samples/{barcode}). Scan devices and station PCs depend on
// the names and their order: add fields at the end, never rename. Statuses, conditions and custody actions are the
// enum names; times are UTC ("2026-11-26T19:25:31Z"); a location is its barcode (L-0002-8).

public sealed record ApiRequestRef(string? Number, string Status);

public sealed record ApiCustodyEvent(string Action, DateTime At, string By, string? Location, string? Station);

/// <summary>The specimen that was scanned, when the code was a specimen's rather than its sample's.</summary>
public sealed record ApiSpecimenRef(string Barcode, int Number);

/// <summary>A sample as it stands: where it is, who holds it, its receipt and its whole chain of custody.</summary>
public sealed record ApiSampleState(string? Barcode, string Name, string Status, ApiRequestRef Request, string? Location, string? Holder,
    DateTime? ReceivedAt, string? Condition, IReadOnlyList<ApiCustodyEvent> Custody,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiSpecimenRef? Specimen)
{
    public static ApiSampleState From(TestRequest request, Sample sample, Specimen? specimen, IEnumerable<CustodyEvent> custody) => new(
        sample.Barcode,
        sample.Name,
        sample.Status.ToString(),
        new ApiRequestRef(request.Number, request.Status.ToString()),
        sample.LocationBarcode,
        sample.Holder,
        Utc(sample.ReceivedAt),
        sample.ConditionOnReceipt?.ToString(),
        custody.Select(e => new ApiCustodyEvent(e.Action.ToString(), Utc(e.At), e.By, e.LocationBarcode, e.Station)).ToList(),
        specimen is null ? null : new ApiSpecimenRef(specimen.Barcode, specimen.Number));

    // Stored as UTC; SQLite hands them back without a kind, which JSON would write without the "Z".
    internal static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    internal static DateTime? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}
