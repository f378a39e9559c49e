using Lab.Domain.Common;

namespace Lab.Domain.Custody;

public enum CustodyAction { Received, Moved, TakenForTesting, Divided, Retained, Returned, Disposed, Relabelled }

/// <summary>
/// One scan in a sample's chain of custody (ISO/IEC 17025 clause 7.4): what happened to which item, where, by
/// whom, when, at which station. Append-only: events are never changed or deleted.
/// </summary>
public class CustodyEvent
{
    public long Id { get; private set; }
    public int SampleId { get; private set; }
    public int? SpecimenId { get; private set; }
    /// <summary>The code scanned (the sample's or the specimen's).</summary>
    public string Barcode { get; private set; } = "";
    public CustodyAction Action { get; private set; }
    public string? LocationBarcode { get; private set; }
    public string? LocationName { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Station { get; private set; }
    public string? Note { get; private set; }

    private CustodyEvent() { } // for EF

    public CustodyEvent(int sampleId, int? specimenId, string barcode, CustodyAction action, StorageLocation? location,
        string by, DateTime at, string? station, string? note)
    {
        if (sampleId <= 0) throw new DomainException("required", "A custody event belongs to a saved sample.");
        SampleId = sampleId;
        SpecimenId = specimenId;
        Barcode = Guard.Text(barcode, nameof(barcode), 30);
        Action = action;
        LocationBarcode = location?.Barcode;
        LocationName = location?.Name;
        By = Guard.Text(by, nameof(by));
        At = Guard.Utc(at, nameof(at));
        Station = Guard.OptionalText(station, nameof(station), 100);
        Note = Guard.OptionalText(note, nameof(note), 1000);
    }
}
