using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Instruments;
using Lab.Domain.Requests;

namespace Web.Models.Work;

public sealed record ExpectedSampleVm(string Barcode, string Name, string? Model, int Quantity, string? Description,
    string RequestNumber, string EnterpriseName, DateTime? SubmittedAt, DateOnly? DueDate);

public sealed record ReceptionVm(IReadOnlyList<ExpectedSampleVm> Expected, int ReceivedToday);

public sealed record WorkItemVm(int AnalysisId, string MethodCode, string NameZh, string NameEn, InstrumentType InstrumentType,
    AnalysisStatus Status, string Barcode, string SampleName, string RequestNumber, DateOnly? DueDate, Urgency Urgency,
    string? FailureReason, LimitKind LimitKind, int? RunId = null)
{
    public bool Manual => LimitKind is LimitKind.Grade or LimitKind.PassFail;
}

public sealed record ApprovalItemVm(string RequestNumber, string EnterpriseName, int SampleCount, int VerifiedCount,
    int AnalysisCount, DateTime? ReviewingAt, DateOnly? DueDate, ReportLanguage Language)
{
    public bool Ready => VerifiedCount == AnalysisCount && AnalysisCount > 0;
}

public enum CalibrationState { Valid, DueSoon, Expired, None }

public sealed record InstrumentRowVm(string Code, string Name, InstrumentType Type, string Location, string SerialNumber,
    InstrumentStatus Status, string? Certificate, DateOnly? CalibratedOn, DateOnly? CalibrationDue, CalibrationState State)
{
    public static CalibrationState StateOf(DateOnly? due, DateOnly today) =>
        due is not { } d ? CalibrationState.None
        : d < today ? CalibrationState.Expired
        : d <= today.AddDays(30) ? CalibrationState.DueSoon
        : CalibrationState.Valid;
}

public sealed record InstrumentListVm(DateOnly Today, IReadOnlyList<InstrumentRowVm> Instruments);

public sealed record UserRowVm(string Email, string DisplayName, IReadOnlyList<string> Roles, string? Enterprise, bool LockedOut);

public sealed record EnterpriseRowVm(string Name, string CreditCode, EnterpriseStatus Status, DateTime RegisteredAt, int ContactCount);

public sealed record AdminVm(IReadOnlyList<UserRowVm> Users, IReadOnlyList<EnterpriseRowVm> Enterprises);

public sealed record InstrumentDetailsVm(Instrument Instrument, DateOnly Today, CalibrationState State, IReadOnlyList<TestMethod> Methods,
    IReadOnlyList<Run> Runs);

public sealed record ManualResultVm(Analysis Analysis, Sample Sample, string RequestNumber, DecisionRule Rule, string? Error,
    string? ProducedBy, IReadOnlyList<(ResultChange Change, string By)> Changes);

public sealed record RunVm(Run Run, Analysis Analysis, Instrument Instrument, IReadOnlyList<Run> History)
{
    /// <summary>The run's curve as SVG (drawn on the server from the raw data), when its format has one.</summary>
    public string? CurveSvg { get; init; }
}

public sealed record WorklistVm(IReadOnlyList<WorkItemVm> Items, IReadOnlyDictionary<InstrumentType, IReadOnlyList<(Instrument Instrument, InstrumentRefusal? Refusal)>> Instruments)
{
    /// <summary>The room's conditions last recorded today at each instrument (by code), offered again with a start.</summary>
    public IReadOnlyDictionary<string, (double? Temperature, double? Humidity)> Conditions { get; init; } =
        new Dictionary<string, (double?, double?)>();

    /// <summary>A start that was refused: the analysis, the instrument chosen and the readings typed, shown again.</summary>
    public WorkRetry? Retry { get; init; }
}

public sealed record WorkRetry(int AnalysisId, string? Instrument, double? Temperature, double? Humidity);

public sealed record StationVm(Instrument Instrument, InstrumentRefusal? Refusal, string? Code, string? Message, Sample? Sample, IReadOnlyList<Analysis> Analyses)
{
    /// <summary>The room's conditions last recorded at this instrument today, offered again.</summary>
    public double? Temperature { get; init; }
    public double? Humidity { get; init; }
}
