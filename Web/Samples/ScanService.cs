using Lab.Data;
using Lab.Domain.Common;
using Lab.Domain.Custody;
using Lab.Domain.Enterprises;
using Lab.Domain.Numbering;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Web.Email;

namespace Web.Samples;

public enum ScanAction { Lookup, Receive, Move, Take, Return, Dispose }

/// <summary>What a scan found: a sample (with its request), a specimen of one, a location, or why the code was refused.</summary>
public sealed record ScanFound(ScanKind? Kind, string Code, TestRequest? Request, Enterprise? Enterprise, Sample? Sample,
    Specimen? Specimen, StorageLocation? Location, BarcodeProblem? Problem, bool Unknown)
{
    public bool Ok => Problem is null && !Unknown;
}

/// <summary>
/// Every move of a sample is a scan: this service reads the code (refusing a wrong check character), performs
/// the action through the request's domain verbs, writes the custody event and tells the enterprise what it
/// needs to know (a deviation to discuss; all samples in).
/// </summary>
public sealed class ScanService(LabDbContext db, EmailQueue emails, SampleEmails sampleEmails, TimeProvider clock)
{
    public async Task<ScanFound> FindAsync(string? text)
    {
        var reading = Numbers.ReadScan(text);
        var code = reading.Code ?? (text ?? "").Trim().ToUpperInvariant();
        if (!reading.IsValid) return new(reading.Kind, code, null, null, null, null, null, reading.Problem, false);
        if (reading.Kind == ScanKind.Location)
        {
            var location = await db.StorageLocations.SingleOrDefaultAsync(l => l.Barcode == code && l.Active);
            return new(ScanKind.Location, code, null, null, null, null, location, null, location is null);
        }
        var sampleBarcode = reading.Kind == ScanKind.Specimen ? Numbers.SampleOfSpecimen(code) : code;
        var request = await db.RequestOwningSample(sampleBarcode)
            .Include(r => r.Samples).ThenInclude(s => s.Specimens)
            .SingleOrDefaultAsync();
        var sample = request?.Samples.Single(s => s.Barcode == sampleBarcode);
        var specimen = reading.Kind == ScanKind.Specimen ? sample?.Specimens.SingleOrDefault(s => s.Barcode == code) : null;
        var unknown = sample is null || reading.Kind == ScanKind.Specimen && specimen is null;
        var enterprise = request is null ? null : await db.Enterprises.Include(e => e.Contacts).SingleAsync(e => e.Id == request.EnterpriseId);
        return new(reading.Kind, code, request, enterprise, sample, specimen, null, null, unknown);
    }

    public async Task<StorageLocation> ReceptionDeskAsync() =>
        await db.StorageLocations.Where(l => l.IsReceptionDesk && l.Active).OrderBy(l => l.Id).FirstAsync();

    /// <summary>Reception confirms a sample arrived: quantity and condition, any deviation with a note and photo.</summary>
    public async Task ReceiveAsync(ScanFound found, string by, string? station, int receivedQuantity, SampleCondition condition,
        string? note, string? photoFile)
    {
        var (request, sample) = Require(found);
        var now = clock.GetUtcNow().UtcDateTime;
        var desk = await ReceptionDeskAsync();
        var wasReceived = request.Status == RequestStatus.Received;
        request.ReceiveSample(sample, by, now, receivedQuantity, condition, note, desk);
        var eventNote = sample.HasDeviation ? $"{condition}: {sample.ReceiptNote}{(photoFile is null ? "" : $" [photo {photoFile}]")}" : null;
        db.CustodyEvents.Add(new CustodyEvent(sample.Id, null, sample.Barcode!, CustodyAction.Received, desk, by, now, station, eventNote));
        foreach (var to in Recipients(request, found.Enterprise!))
        {
            if (sample.HasDeviation)
                emails.Stage(sampleEmails.Deviation(request, sample, found.Enterprise!), to, "sample-deviation", request.Number);
            if (!wasReceived && request.Status == RequestStatus.Received)
                emails.Stage(sampleEmails.AllReceived(request, found.Enterprise!), to, "request-received", request.Number);
        }
        await db.SaveChangesAsync();
        emails.DispatchStaged();
    }

    public async Task MoveAsync(ScanFound found, StorageLocation location, string by, string? station)
    {
        var (request, sample) = Require(found);
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.Specimen is { } specimen) request.MoveSpecimen(sample, specimen, location);
        else request.MoveSample(sample, location);
        db.CustodyEvents.Add(new CustodyEvent(sample.Id, found.Specimen?.Id, found.Code, CustodyAction.Moved, location, by, now, station, null));
        await db.SaveChangesAsync();
    }

    public async Task TakeAsync(ScanFound found, string by, string? station)
    {
        var (request, sample) = Require(found);
        request.HandSampleTo(sample, by);
        db.CustodyEvents.Add(new CustodyEvent(sample.Id, found.Specimen?.Id, found.Code, CustodyAction.TakenForTesting, null, by,
            clock.GetUtcNow().UtcDateTime, station, null));
        await db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<Specimen>> DivideAsync(ScanFound found, int count, string? description, string by, string? station)
    {
        var (request, sample) = Require(found);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = request.DivideSample(sample, count, description, now);
        await db.SaveChangesAsync();
        db.CustodyEvents.Add(new CustodyEvent(sample.Id, null, sample.Barcode!, CustodyAction.Divided, null, by, now, station,
            $"{created.Count} × {description}: {string.Join(", ", created.Select(s => s.Barcode))}"));
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>After retention, the sample goes back to the enterprise or is disposed of; confirmed by scanning it.</summary>
    public async Task ReleaseAsync(ScanFound found, bool returned, string by, string? station, string? note)
    {
        var (request, sample) = Require(found);
        var now = clock.GetUtcNow().UtcDateTime;
        if (returned) request.ReturnSample(sample, by, now);
        else request.DisposeSample(sample, by, now);
        db.CustodyEvents.Add(new CustodyEvent(sample.Id, null, sample.Barcode!, returned ? CustodyAction.Returned : CustodyAction.Disposed,
            null, by, now, station, note));
        await db.SaveChangesAsync();
    }

    public Task<List<CustodyEvent>> ChainOfCustodyAsync(int sampleId) =>
        db.CustodyEvents.AsNoTracking().Where(e => e.SampleId == sampleId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();

    private static IEnumerable<string> Recipients(TestRequest request, Enterprise enterprise) =>
        request.ReportRecipients.Count > 0 ? request.ReportRecipients : enterprise.ReportRecipients;

    private static (TestRequest, Sample) Require(ScanFound found) =>
        found is { Ok: true, Request: { } r, Sample: { } s } ? (r, s)
        : throw new DomainException("scan-not-sample", $"{found.Code} is not a sample of this lab.");
}
