using Lab.Domain.Catalog;
using Lab.Domain.Common;
using Lab.Domain.Numbering;

namespace Lab.Domain.Requests;

/// <summary>
/// A request for testing (检测委托单): an enterprise's samples and the methods asked for each, with the terms
/// agreed at booking. Draft → Submitted → Received → InTesting → Reviewing → Issued; Cancelled only while no
/// sample has been received. It is the aggregate root for its samples and analyses: every change to them goes
/// through a verb here, so the request's state always follows what happened to its items.
/// </summary>
public class TestRequest
{
    private readonly List<Sample> _samples = [];
    private List<string> _reportRecipients = [];

    public int Id { get; private set; }
    /// <summary>Assigned on submission (WT2026-00042); null while a draft.</summary>
    public string? Number { get; private set; }
    public int EnterpriseId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public RequestStatus Status { get; private set; } = RequestStatus.Draft;
    public DecisionRule DecisionRule { get; private set; }
    public Urgency Urgency { get; private set; }
    public ReportLanguage ReportLanguage { get; private set; }
    public SampleDisposal SampleDisposal { get; private set; }
    public bool SubcontractingAllowed { get; private set; }
    public string? Notes { get; private set; }
    /// <summary>The manufacturer (生产单位) when it is not the customer; printed on the report as declared.</summary>
    public string? ProducerName { get; private set; }
    public string? ProducerAddress { get; private set; }
    public IReadOnlyList<string> ReportRecipients => _reportRecipients;
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? ReceivedAt { get; private set; }
    public DateTime? TestingStartedAt { get; private set; }
    public DateTime? ReviewingAt { get; private set; }
    public DateTime? IssuedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>The promised completion date, fixed at submission.</summary>
    public DateOnly? DueDate { get; private set; }
    public decimal TotalCny { get; private set; }
    /// <summary>A deviation was found on receipt: the customer must be consulted before testing goes on (clause 7.4.3).</summary>
    public bool CustomerConsultationNeeded { get; private set; }
    public string? ConsultationOutcome { get; private set; }
    /// <summary>Set while an issued report is being amended (clause 7.8.8): why, until the amendment is issued.</summary>
    public string? AmendmentReason { get; private set; }
    public DateTime? AmendmentOpenedAt { get; private set; }
    public string? AmendmentOpenedBy { get; private set; }
    public IReadOnlyList<Sample> Samples => _samples;

    private TestRequest() { } // for EF

    public TestRequest(int enterpriseId, string createdBy, DateTime createdAt)
    {
        if (enterpriseId <= 0) throw new DomainException("required", "A request belongs to an enterprise.");
        EnterpriseId = enterpriseId;
        CreatedBy = Guard.Text(createdBy, nameof(createdBy));
        CreatedAt = Guard.Utc(createdAt, nameof(createdAt));
        DecisionRule = DecisionRule.SimpleAcceptance;
        ReportLanguage = ReportLanguage.Zh;
        SampleDisposal = SampleDisposal.Dispose;
    }

    public IEnumerable<Analysis> Analyses => _samples.SelectMany(s => s.Analyses);
    public IEnumerable<Analysis> CurrentAnalyses => _samples.SelectMany(s => s.CurrentAnalyses);

    // ---- booking (draft) ----

    public void SetTerms(DecisionRule decisionRule, Urgency urgency, ReportLanguage language, SampleDisposal disposal,
        bool subcontractingAllowed, string? notes, IEnumerable<string> reportRecipients)
    {
        EnsureDraft("change the terms of");
        DecisionRule = decisionRule;
        Urgency = urgency;
        ReportLanguage = language;
        SampleDisposal = disposal;
        SubcontractingAllowed = subcontractingAllowed;
        Notes = Guard.OptionalText(notes, nameof(notes), 2000);
        _reportRecipients = reportRecipients.Select(EmailAddress.Normalize).Distinct().ToList();
    }

    /// <summary>
    /// Who made the items, when that is not the customer (a trader booking for its supplier): the commission form's
    /// 生产单位 "if different". No name means none; an address alone says nothing and is refused.
    /// </summary>
    public void SetProducer(string? name, string? address)
    {
        EnsureDraft("change the producer of");
        var producer = Guard.OptionalText(name, nameof(name), 200);
        var where = Guard.OptionalText(address, nameof(address), 300);
        if (producer is null && where is not null)
            throw new DomainException("producer-name-required", "A producer's address needs the producer's name.");
        ProducerName = producer;
        ProducerAddress = where;
    }

    public Sample AddSample(string name, string? model, string? brand, string? batch, int quantity, string? description)
    {
        EnsureDraft("add samples to");
        if (_samples.Count >= 200) throw new DomainException("too-many-samples", "A request holds at most 200 samples.");
        var sample = new Sample(name, model, brand, batch, quantity, description);
        _samples.Add(sample);
        return sample;
    }

    public void RemoveSample(Sample sample)
    {
        EnsureDraft("remove samples from");
        if (!_samples.Remove(sample)) throw new DomainException("sample-unknown", "That sample is not part of this request.");
    }

    public Analysis AddAnalysis(Sample sample, TestMethod method)
    {
        EnsureDraft("add methods to");
        return Own(sample).AddAnalysis(method);
    }

    public void RemoveAnalysis(Sample sample, string methodCode)
    {
        EnsureDraft("remove methods from");
        Own(sample).RemoveAnalysis(methodCode);
    }

    /// <summary>
    /// Sends the request to the lab: it takes its number, each sample its barcode, and the price and promised
    /// date are fixed. The numbers come from the database's sequences (one barcode per sample, in order).
    /// </summary>
    public void Submit(string number, IReadOnlyList<string> sampleBarcodes, decimal totalCny, DateOnly dueDate, DateTime at)
    {
        EnsureDraft("submit");
        if (_samples.Count == 0) throw new DomainException("request-no-samples", "Add at least one sample.");
        var withoutMethod = _samples.FirstOrDefault(s => !s.CurrentAnalyses.Any());
        if (withoutMethod is not null)
            throw new DomainException("sample-no-methods", $"Choose at least one method for sample {withoutMethod.Name}.");
        var shortfall = _samples.SelectMany(s => s.QuantityShortfalls().Select(q => (s, q))).FirstOrDefault();
        if (shortfall.s is not null)
            throw new DomainException("sample-quantity-short", $"{shortfall.q.MethodCode} needs {shortfall.q.Needed} of sample {shortfall.s.Name}; {shortfall.s.Quantity} declared.");
        var subcontracted = _samples.SelectMany(s => s.CurrentAnalyses).FirstOrDefault(a => a.Subcontractor is not null);
        if (subcontracted is not null && !SubcontractingAllowed)
            throw new DomainException("subcontracting-not-agreed",
                $"{subcontracted.MethodCode} is performed by a subcontracted laboratory ({subcontracted.Subcontractor}): agree to subcontracting to book it.");
        if (sampleBarcodes.Count != _samples.Count)
            throw new DomainException("barcode-count", "Each sample needs one barcode.");
        if (totalCny < 0 || decimal.Round(totalCny, 2) != totalCny)
            throw new DomainException("price", "A total is a non-negative amount in yuan with at most two decimals.");
        if (sampleBarcodes.Distinct().Count() != sampleBarcodes.Count)
            throw new DomainException("barcode-duplicate", "Each sample needs its own barcode.");
        var invalid = sampleBarcodes.Where(b => !Numbers.IsValidSampleBarcode(b)).Take(1).ToList();
        if (invalid.Count > 0) throw new DomainException("barcode-invalid", $"'{invalid[0]}' is not a valid sample barcode.");
        var requestNumber = Guard.Text(number, nameof(number), 20);
        var submittedAt = Guard.Utc(at, nameof(at));
        // Everything is checked above: a refused submission leaves the draft as it was, so it can be submitted again.
        Number = requestNumber;
        for (var i = 0; i < _samples.Count; i++) _samples[i].AssignBarcode(sampleBarcodes[i]);
        TotalCny = totalCny;
        DueDate = dueDate;
        SubmittedAt = submittedAt;
        Status = RequestStatus.Submitted;
    }

    public void Cancel(string reason, DateTime at)
    {
        if (_samples.Any(s => s.Status != SampleStatus.Expected))
            throw new DomainException("request-cancel", $"Request {Number ?? "(draft)"} cannot be cancelled: samples have been received.");
        if (Status is not (RequestStatus.Draft or RequestStatus.Submitted))
            throw new DomainException("request-cancel-status", $"Request {Number ?? "(draft)"} is {Status} and cannot be cancelled.");
        CancellationReason = Guard.Text(reason, nameof(reason), 1000);
        CancelledAt = at;
        Status = RequestStatus.Cancelled;
    }

    // ---- in the lab ----

    /// <summary>Finds a sample by its barcode as scanned or typed (case and surrounding spaces do not matter).</summary>
    public Sample FindSample(string barcode) =>
        _samples.SingleOrDefault(s => s.Barcode == (Numbers.ReadSampleBarcode(barcode).Barcode ?? barcode))
        ?? throw new DomainException("sample-unknown", $"Sample {barcode} is not part of request {Number}.");

    /// <summary>Reception confirms a sample arrived; when the last one is in, the request is Received.</summary>
    public void ReceiveSample(Sample sample, string receivedBy, DateTime at, int receivedQuantity, SampleCondition condition, string? note,
        Custody.StorageLocation? location = null)
    {
        if (Status is not (RequestStatus.Submitted or RequestStatus.Received or RequestStatus.InTesting))
            throw new DomainException("request-not-expecting", $"Request {Number ?? "(draft)"} is {Status}: its samples cannot be received.");
        Own(sample).Receive(receivedBy, at, receivedQuantity, condition, note, location);
        if (sample.HasDeviation)
        {
            CustomerConsultationNeeded = true;
            ConsultationOutcome = null;
        }
        if (Status == RequestStatus.Submitted && _samples.All(s => s.Status != SampleStatus.Expected))
        {
            Status = RequestStatus.Received;
            ReceivedAt = at;
        }
    }

    public bool HasDeviation => _samples.Any(s => s.HasDeviation);

    /// <summary>The customer answered about the deviation (test as received, send replacements...).</summary>
    public void RecordConsultation(string outcome)
    {
        if (!CustomerConsultationNeeded) throw new DomainException("consultation-not-needed", $"Request {Number} has no open question for the customer.");
        ConsultationOutcome = Guard.Text(outcome, nameof(outcome), 1000);
        CustomerConsultationNeeded = false;
    }

    public void MoveSample(Sample sample, Custody.StorageLocation location) => Own(sample).PlaceAt(location);

    public void HandSampleTo(Sample sample, string person) => Own(sample).HandTo(person);

    public void MoveSpecimen(Sample sample, Specimen specimen, Custody.StorageLocation location) => Own(sample).PlaceSpecimenAt(specimen, location);

    public IReadOnlyList<Specimen> DivideSample(Sample sample, int count, string? description, DateTime at) =>
        Own(sample).Divide(count, description, at);

    public void StartAnalysis(Analysis analysis, DateTime at)
    {
        var sample = OwnerOf(analysis);
        EnsureTestable(sample);
        analysis.Start(at);
        OnTestingActivity(sample, at);
    }

    public void FailAnalysis(Analysis analysis, string reason)
    {
        OwnerOf(analysis);
        analysis.Fail(reason);
    }

    public void RecordResult(Analysis analysis, double value, string producedBy, DateTime at)
    {
        var sample = OwnerOf(analysis);
        EnsureTestable(sample);
        analysis.RecordValue(value, DecisionRule, producedBy, at);
        OnTestingActivity(sample, at);
    }

    public void RecordFinding(Analysis analysis, bool meetsRequirement, string producedBy, DateTime at)
    {
        var sample = OwnerOf(analysis);
        EnsureTestable(sample);
        analysis.RecordFinding(meetsRequirement, producedBy, at);
        OnTestingActivity(sample, at);
    }

    public void CorrectResult(Analysis analysis, double value, string reason, string by, DateTime at)
    {
        OwnerOf(analysis);
        analysis.CorrectValue(value, DecisionRule, reason, by, at);
    }

    public void CorrectFinding(Analysis analysis, bool meetsRequirement, string reason, string by, DateTime at)
    {
        OwnerOf(analysis);
        analysis.CorrectFinding(meetsRequirement, reason, by, at);
    }

    public void VerifyAnalysis(Analysis analysis, string verifiedBy, DateTime at)
    {
        OwnerOf(analysis);
        analysis.Verify(verifiedBy, at);
    }

    /// <summary>Retracts a result; the returned retest analysis joins the sample and testing resumes.</summary>
    public Analysis RetractAnalysis(Analysis analysis, string reason, string? by = null, DateTime? at = null)
    {
        var sample = OwnerOf(analysis);
        if (Status == RequestStatus.Issued)
            throw new DomainException("request-issued", $"Request {Number} has been issued: amend its report instead.");
        var retest = analysis.Retract(reason, by, at);
        ((List<Analysis>)sample.Analyses).Add(retest);
        sample.OnAnalysesChanged();
        if (Status == RequestStatus.Reviewing) Status = RequestStatus.InTesting;
        return retest;
    }

    public bool IsReadyForApproval => Status == RequestStatus.Reviewing && CurrentAnalyses.All(a => a.Status == AnalysisStatus.Verified);

    /// <summary>
    /// The signatory approved the report: the request is issued and its samples enter retention. When an amendment
    /// was open, it is closed here and its reason returned (the new report states it and supersedes the old one).
    /// </summary>
    public string? MarkIssued(DateTime at, DateOnly retainSamplesUntil)
    {
        if (!IsReadyForApproval)
            throw new DomainException("request-not-ready", $"Request {Number} cannot be issued: every result must be verified first.");
        foreach (var sample in _samples) sample.Retain(retainSamplesUntil);
        IssuedAt = at;
        Status = RequestStatus.Issued;
        var amendment = AmendmentReason;
        AmendmentReason = null;
        AmendmentOpenedAt = null;
        AmendmentOpenedBy = null;
        return amendment;
    }

    /// <summary>
    /// An issued report must be corrected (clause 7.8.8). The request goes back to review: results may be
    /// retracted and retested, or simply verified again; the next approval issues a new report that replaces the
    /// current one and says why. The issued report stays valid until then.
    /// </summary>
    public void OpenAmendment(string reason, string by, DateTime at)
    {
        if (Status != RequestStatus.Issued)
            throw new DomainException("request-not-issued", $"Request {Number} is {Status}: only an issued report can be amended.");
        AmendmentReason = Guard.Text(reason, nameof(reason), 1000);
        AmendmentOpenedBy = Guard.Text(by, nameof(by));
        AmendmentOpenedAt = Guard.Utc(at, nameof(at));
        Status = RequestStatus.Reviewing;
    }

    public bool IsBeingAmended => AmendmentReason is not null;

    public void ReturnSample(Sample sample, string by, DateTime at) => Own(sample).Release(SampleStatus.Returned, by, at);
    public void DisposeSample(Sample sample, string by, DateTime at) => Own(sample).Release(SampleStatus.Disposed, by, at);

    private void OnTestingActivity(Sample sample, DateTime at)
    {
        sample.OnAnalysisStarted();
        if (Status == RequestStatus.Received)
        {
            Status = RequestStatus.InTesting;
            TestingStartedAt = at;
        }
        sample.OnAnalysesChanged();
        if (Status == RequestStatus.InTesting && _samples.All(s => s.CurrentAnalyses.All(a => a.HasResult)))
        {
            Status = RequestStatus.Reviewing;
            ReviewingAt ??= at;
        }
    }

    private void EnsureTestable(Sample sample)
    {
        if (Status is not (RequestStatus.Received or RequestStatus.InTesting or RequestStatus.Submitted))
            throw new DomainException("request-not-testing", $"Request {Number} is {Status}: no testing now.");
        if (sample.Status is not (SampleStatus.Received or SampleStatus.InTesting or SampleStatus.Tested or SampleStatus.Retained))
            throw new DomainException("sample-not-received", $"Sample {sample.Barcode} is {sample.Status}: it must be received before testing.");
    }

    private void EnsureDraft(string verb)
    {
        if (Status != RequestStatus.Draft)
            throw new DomainException("request-not-draft", $"Cannot {verb} request {Number}: it is {Status}.");
    }

    private Sample Own(Sample sample) =>
        _samples.Contains(sample) ? sample : throw new DomainException("sample-unknown", "That sample is not part of this request.");

    private Sample OwnerOf(Analysis analysis) =>
        _samples.FirstOrDefault(s => s.Analyses.Contains(analysis))
        ?? throw new DomainException("analysis-unknown", "That analysis is not part of this request.");
}
