using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Lab.Domain.Requests;

/// <summary>
/// An item the enterprise sends (样品). From submission it carries a barcode with a check character; its
/// state follows it through the lab: Expected → Received → InTesting → Tested → Retained → Returned | Disposed.
/// </summary>
public class Sample
{
    private readonly List<Analysis> _analyses = [];
    private readonly List<Specimen> _specimens = [];

    public int Id { get; private set; }
    public int TestRequestId { get; private set; }
    public string? Barcode { get; private set; }
    public string Name { get; private set; } = "";
    public string? Model { get; private set; }
    public string? Brand { get; private set; }
    public string? Batch { get; private set; }
    public int Quantity { get; private set; }
    /// <summary>The condition as the enterprise declared it when booking.</summary>
    public string? Description { get; private set; }
    public SampleStatus Status { get; private set; } = SampleStatus.Expected;
    public DateTime? ReceivedAt { get; private set; }
    public string? ReceivedBy { get; private set; }
    public int? ReceivedQuantity { get; private set; }
    public SampleCondition? ConditionOnReceipt { get; private set; }
    public string? ReceiptNote { get; private set; }
    public DateOnly? RetainUntil { get; private set; }
    public DateTime? ReleasedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public IReadOnlyList<Analysis> Analyses => _analyses;
    public IReadOnlyList<Specimen> Specimens => _specimens;
    /// <summary>Where the sample is now (its storage location), or null while a person holds it.</summary>
    public string? LocationBarcode { get; private set; }
    public string? LocationName { get; private set; }
    /// <summary>Who has the sample in hand (e.g. the technician testing it), or null while it is stored.</summary>
    public string? Holder { get; private set; }

    private Sample() { } // for EF

    internal Sample(string name, string? model, string? brand, string? batch, int quantity, string? description)
    {
        Name = Guard.Text(name, nameof(name), 200);
        Model = Guard.OptionalText(model, nameof(model), 200);
        Brand = Guard.OptionalText(brand, nameof(brand), 100);
        Batch = Guard.OptionalText(batch, nameof(batch), 100);
        Description = Guard.OptionalText(description, nameof(description), 1000);
        if (quantity is < 1 or > 10_000) throw new DomainException("sample-quantity", "A sample's quantity is 1 to 10 000.");
        Quantity = quantity;
    }

    public IEnumerable<Analysis> CurrentAnalyses => _analyses.Where(a => a.IsCurrent);

    internal Analysis AddAnalysis(TestMethod method)
    {
        if (_analyses.Any(a => a.IsCurrent && a.MethodCode == method.Code))
            throw new DomainException("analysis-duplicate", $"{method.Code} is already booked for sample {Name}.");
        var analysis = new Analysis(method);
        _analyses.Add(analysis);
        return analysis;
    }

    internal void RemoveAnalysis(string methodCode)
    {
        var analysis = _analyses.SingleOrDefault(a => a.MethodCode == methodCode)
            ?? throw new DomainException("analysis-unknown", $"{methodCode} is not booked for sample {Name}.");
        _analyses.Remove(analysis);
    }

    /// <summary>The methods whose sample quantity this sample's quantity does not cover.</summary>
    public IEnumerable<(string MethodCode, int Needed)> QuantityShortfalls() =>
        _analyses.Where(a => a.Method is { } m && m.SampleQuantity > Quantity).Select(a => (a.MethodCode, a.Method!.SampleQuantity));

    internal void AssignBarcode(string barcode)
    {
        if (Barcode is not null) throw new DomainException("sample-has-barcode", $"Sample {Name} already has barcode {Barcode}.");
        if (!Numbering.Numbers.IsValidSampleBarcode(barcode))
            throw new DomainException("barcode-invalid", $"'{barcode}' is not a valid sample barcode.");
        Barcode = barcode;
    }

    internal void Receive(string receivedBy, DateTime at, int receivedQuantity, SampleCondition condition, string? note, Custody.StorageLocation? location = null)
    {
        if (Status != SampleStatus.Expected) throw Illegal("receive");
        if (receivedQuantity < 0) throw new DomainException("sample-quantity", "The received quantity cannot be negative.");
        if (condition != SampleCondition.Intact && string.IsNullOrWhiteSpace(note))
            throw new DomainException("deviation-note", "Describe the deviation found on receipt.");
        ReceivedBy = Guard.Text(receivedBy, nameof(receivedBy));
        ReceivedAt = at;
        ReceivedQuantity = receivedQuantity;
        ConditionOnReceipt = receivedQuantity != Quantity && condition == SampleCondition.Intact ? SampleCondition.WrongQuantity : condition;
        ReceiptNote = Guard.OptionalText(note, nameof(note), 1000);
        if (ConditionOnReceipt == SampleCondition.WrongQuantity && ReceiptNote is null)
            ReceiptNote = $"{receivedQuantity} received, {Quantity} declared";
        Status = SampleStatus.Received;
        if (location is not null) PlaceAt(location);
    }

    private bool IsInTheLab => Status is SampleStatus.Received or SampleStatus.InTesting or SampleStatus.Tested or SampleStatus.Retained;

    internal void PlaceAt(Custody.StorageLocation location)
    {
        if (!IsInTheLab) throw Illegal("move");
        if (!location.Active) throw new DomainException("location-retired", $"Location {location.Name} is no longer in use.");
        LocationBarcode = location.Barcode;
        LocationName = location.Name;
        Holder = null;
    }

    internal void PlaceSpecimenAt(Specimen specimen, Custody.StorageLocation location)
    {
        if (!_specimens.Contains(specimen)) throw new DomainException("specimen-unknown", $"{specimen.Barcode} is not a specimen of sample {Barcode}.");
        if (!IsInTheLab) throw Illegal("move");
        if (!location.Active) throw new DomainException("location-retired", $"Location {location.Name} is no longer in use.");
        specimen.PlaceAt(location.Barcode, location.Name, null);
    }

    internal void HandTo(string person)
    {
        if (Status is not (SampleStatus.Received or SampleStatus.InTesting or SampleStatus.Tested)) throw Illegal("take");
        Holder = Guard.Text(person, nameof(person));
        LocationBarcode = null;
        LocationName = null;
    }

    internal IReadOnlyList<Specimen> Divide(int count, string? description, DateTime at)
    {
        if (Status is not (SampleStatus.Received or SampleStatus.InTesting)) throw Illegal("divide");
        if (count is < 1 or > 20) throw new DomainException("specimen-count", "Divide a sample into 1 to 20 specimens at a time.");
        if (_specimens.Count + count > 99) throw new DomainException("specimen-number", "A sample is divided into at most 99 specimens.");
        var created = Enumerable.Range(_specimens.Count + 1, count)
            .Select(n => new Specimen(n, Numbering.Numbers.SpecimenBarcode(Barcode!, n), description, at)).ToList();
        foreach (var specimen in created) specimen.PlaceAt(LocationBarcode, LocationName, Holder);
        _specimens.AddRange(created);
        return created;
    }

    /// <summary>True when the receipt found something the customer must be consulted about (clause 7.4.3).</summary>
    public bool HasDeviation => ConditionOnReceipt is { } c && c != SampleCondition.Intact;

    internal void OnAnalysisStarted()
    {
        if (Status == SampleStatus.InTesting) return;
        // A retained sample is tested again when an amended report needs a retest; it keeps its retention date.
        if (Status is not (SampleStatus.Received or SampleStatus.Retained)) throw Illegal("test");
        Status = SampleStatus.InTesting;
    }

    internal void OnAnalysesChanged()
    {
        var current = CurrentAnalyses.ToList();
        if (Status == SampleStatus.InTesting && current.Count > 0 && current.All(a => a.HasResult))
            Status = SampleStatus.Tested;
        else if (Status == SampleStatus.Tested && current.Any(a => !a.HasResult))
            Status = SampleStatus.InTesting;
    }

    internal void Retain(DateOnly until)
    {
        // An amended report re-issues a request whose samples are retained already (or gone back to the customer).
        if (Status is SampleStatus.Returned or SampleStatus.Disposed) return;
        if (Status == SampleStatus.Retained)
        {
            if (RetainUntil is not { } current || until > current) RetainUntil = until;
            return;
        }
        if (Status != SampleStatus.Tested) throw Illegal("retain");
        RetainUntil = until;
        Status = SampleStatus.Retained;
    }

    internal void Release(SampleStatus outcome, string by, DateTime at)
    {
        if (Status != SampleStatus.Retained) throw Illegal(outcome == SampleStatus.Returned ? "return" : "dispose of");
        // The enterprise may collect its samples at any time; the lab destroys nothing before the retention period is over.
        // (The date is read in UTC: at worst a disposal waits a few hours into the due day.)
        if (outcome == SampleStatus.Disposed && RetainUntil is { } until && DateOnly.FromDateTime(at) < until)
            throw new DomainException("retention-not-over", $"Sample {Barcode} is retained until {until:yyyy-MM-dd}: it cannot be disposed of before then.");
        ReleasedBy = Guard.Text(by, nameof(by));
        ReleasedAt = at;
        Status = outcome;
    }

    private DomainException Illegal(string verb) =>
        new("sample-" + verb.Replace(' ', '-'), $"Cannot {verb} sample {Barcode ?? Name}: it is {Status}.");
}
