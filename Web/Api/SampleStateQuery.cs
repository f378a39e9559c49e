using Lab.Data;
using Lab.Domain.Custody;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Web.Api;

/// <summary>
/// GET /api/v1/samples/{barcode} read narrowly: one SQL statement, untracked, that answers exactly the columns
/// <see cref="ApiSampleState"/> shows (the sample, its request's number, status and enterprise, its custody chain and
/// the scanned specimen), compiled once. The scan actions still load the whole request, because they change it; a
/// look-up only reads, and loading the request's samples, analyses, methods and specimens with change tracking was
/// most of its cost (bench/, scan).
/// </summary>
public static class SampleStateQuery
{
    /// <summary>The state, and the enterprise whose sample it is (an enterprise key sees its own only); null when there is no such sample.</summary>
    public sealed record Found(ApiSampleState State, int EnterpriseId);

    private sealed record CustodyRow(CustodyAction Action, DateTime At, string By, string? LocationBarcode, string? Station);

    private sealed record Row(string? Barcode, string Name, SampleStatus Status, string? RequestNumber, RequestStatus RequestStatus,
        int EnterpriseId, string? LocationBarcode, string? Holder, DateTime? ReceivedAt, SampleCondition? Condition,
        List<CustodyRow> Custody, int? SpecimenNumber);

    private static readonly Func<LabDbContext, string, string, Task<Row?>> Query = EF.CompileAsyncQuery(
        (LabDbContext db, string sampleBarcode, string specimenBarcode) =>
            (from s in db.Samples.AsNoTracking()
             join r in db.TestRequests on s.TestRequestId equals r.Id
             where s.Barcode == sampleBarcode
             select new Row(s.Barcode, s.Name, s.Status, r.Number, r.Status, r.EnterpriseId, s.LocationBarcode, s.Holder, s.ReceivedAt,
                 s.ConditionOnReceipt,
                 db.CustodyEvents.Where(e => e.SampleId == s.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
                     .Select(e => new CustodyRow(e.Action, e.At, e.By, e.LocationBarcode, e.Station)).ToList(),
                 s.Specimens.Where(p => p.Barcode == specimenBarcode).Select(p => (int?)p.Number).FirstOrDefault()))
            .FirstOrDefault());

    /// <param name="code">A valid sample or specimen code as <see cref="Numbers.ReadScan"/> read it.</param>
    public static async Task<Found?> FindAsync(LabDbContext db, string code, ScanKind kind)
    {
        var specimen = kind == ScanKind.Specimen;
        var row = await Query(db, specimen ? Numbers.SampleOfSpecimen(code) : code, specimen ? code : "");
        if (row is null || specimen && row.SpecimenNumber is null) return null;
        var state = new ApiSampleState(
            row.Barcode,
            row.Name,
            row.Status.ToString(),
            new ApiRequestRef(row.RequestNumber, row.RequestStatus.ToString()),
            row.LocationBarcode,
            row.Holder,
            ApiSampleState.Utc(row.ReceivedAt),
            row.Condition?.ToString(),
            row.Custody.ConvertAll(e => new ApiCustodyEvent(e.Action.ToString(), ApiSampleState.Utc(e.At), e.By, e.LocationBarcode, e.Station)),
            specimen ? new ApiSpecimenRef(code, row.SpecimenNumber!.Value) : null);
        return new Found(state, row.EnterpriseId);
    }
}
