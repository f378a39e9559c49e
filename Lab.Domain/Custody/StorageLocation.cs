using Lab.Domain.Common;
using Lab.Domain.Numbering;

namespace Lab.Domain.Custody;

public enum LocationKind { Room, Shelf, Cabinet, ConditioningChamber, Bench }

/// <summary>A place a sample can be (收样室, 样品架, 留样柜, 恒温恒湿箱...), with its own barcode: scan it, then the samples moved there.</summary>
public class StorageLocation
{
    public int Id { get; private set; }
    public string Barcode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public LocationKind Kind { get; private set; }
    /// <summary>Samples are received here (the reception desk); the first receipt places them here.</summary>
    public bool IsReceptionDesk { get; private set; }
    public bool Active { get; private set; } = true;

    private StorageLocation() { } // for EF

    public StorageLocation(string barcode, string name, LocationKind kind, bool isReceptionDesk = false)
    {
        var reading = Numbers.ReadScan(barcode);
        if (reading.Kind != ScanKind.Location || !reading.IsValid)
            throw new DomainException("location-barcode", $"'{barcode}' is not a valid location barcode.");
        Barcode = reading.Code!;
        Name = Guard.Text(name, nameof(name), 100);
        Kind = kind;
        IsReceptionDesk = isReceptionDesk;
    }

    public void Rename(string name) => Name = Guard.Text(name, nameof(name), 100);

    public void Retire()
    {
        if (!Active) throw new DomainException("location-retired", $"Location {Name} is already retired.");
        Active = false;
    }
}
