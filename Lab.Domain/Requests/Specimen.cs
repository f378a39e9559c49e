using Lab.Domain.Common;

namespace Lab.Domain.Requests;

/// <summary>A piece divided from a sample (e.g. one of three cut from a canopy), with a child barcode that traces back to it.</summary>
public class Specimen
{
    public int Id { get; private set; }
    public int SampleId { get; private set; }
    public int Number { get; private set; }
    public string Barcode { get; private set; } = "";
    public string? Description { get; private set; }
    public string? LocationBarcode { get; private set; }
    public string? LocationName { get; private set; }
    public string? Holder { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Specimen() { } // for EF

    internal Specimen(int number, string barcode, string? description, DateTime at)
    {
        Number = number;
        Barcode = Guard.Text(barcode, nameof(barcode), 30);
        Description = Guard.OptionalText(description, nameof(description), 200);
        CreatedAt = at;
    }

    internal void PlaceAt(string? locationBarcode, string? locationName, string? holder)
    {
        LocationBarcode = locationBarcode;
        LocationName = locationName;
        Holder = holder;
    }
}
