using Lab.Domain.Catalog;
using Lab.Domain.Common;

namespace Lab.Domain.Instruments;

public enum InstrumentStatus { InService, OutOfService }

/// <summary>A calibration of an instrument (the certificate from the calibration provider).</summary>
public sealed class Calibration
{
    public int Id { get; private set; }
    public string CertificateNumber { get; private set; } = "";
    public DateOnly CalibratedOn { get; private set; }
    public DateOnly DueOn { get; private set; }

    private Calibration() { } // for EF

    internal Calibration(string certificateNumber, DateOnly calibratedOn, DateOnly dueOn)
    {
        CertificateNumber = Guard.Text(certificateNumber, nameof(certificateNumber), 80);
        if (dueOn <= calibratedOn)
            throw new DomainException("calibration-dates", "A calibration falls due after the day it was done.");
        CalibratedOn = calibratedOn;
        DueOn = dueOn;
    }
}

/// <summary>
/// A piece of equipment in the lab's registry. It may produce results only while in service and within its
/// calibration (ISO/IEC 17025 clause 6.4): <see cref="CanRun"/> is the rule the server enforces.
/// </summary>
public class Instrument
{
    private readonly List<Calibration> _calibrations = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public InstrumentType Type { get; private set; }
    public string Location { get; private set; } = "";
    public string SerialNumber { get; private set; } = "";
    public InstrumentStatus Status { get; private set; } = InstrumentStatus.InService;
    public string? OutOfServiceReason { get; private set; }
    public IReadOnlyList<Calibration> Calibrations => _calibrations;
    /// <summary>The due date of the latest calibration (kept as a column so SQL can find what falls due).</summary>
    public DateOnly? CalibrationDue { get; private set; }
    public string? CalibrationCertificate { get; private set; }
    public DateOnly? CalibratedOn { get; private set; }

    private Instrument() { } // for EF

    public Instrument(string code, string name, InstrumentType type, string location, string serialNumber)
    {
        Code = Guard.Text(code, nameof(code), 20).ToUpperInvariant();
        Name = Guard.Text(name, nameof(name));
        Type = type;
        Location = Guard.Text(location, nameof(location));
        SerialNumber = Guard.Text(serialNumber, nameof(serialNumber), 80);
    }

    public void RecordCalibration(string certificateNumber, DateOnly calibratedOn, DateOnly dueOn)
    {
        if (CalibratedOn is { } last && calibratedOn < last)
            throw new DomainException("calibration-older", "A calibration older than the latest one cannot become current.");
        var calibration = new Calibration(certificateNumber, calibratedOn, dueOn);
        _calibrations.Add(calibration);
        CalibrationCertificate = calibration.CertificateNumber;
        CalibratedOn = calibratedOn;
        CalibrationDue = dueOn;
    }

    public void TakeOutOfService(string reason)
    {
        if (Status == InstrumentStatus.OutOfService)
            throw new DomainException("instrument-out-of-service", $"Instrument {Code} is already out of service.");
        OutOfServiceReason = Guard.Text(reason, nameof(reason), 500);
        Status = InstrumentStatus.OutOfService;
    }

    public void ReturnToService()
    {
        if (Status == InstrumentStatus.InService)
            throw new DomainException("instrument-in-service", $"Instrument {Code} is already in service.");
        OutOfServiceReason = null;
        Status = InstrumentStatus.InService;
    }

    public bool IsCalibrationValid(DateOnly today) => CalibrationDue is { } due && today <= due;

    /// <summary>Why this instrument may not produce a result for the method today, or null when it may.</summary>
    public InstrumentRefusal? WhyCannotRun(TestMethod method, DateOnly today)
    {
        if (method.InstrumentType != Type) return InstrumentRefusal.WrongType;
        if (Status == InstrumentStatus.OutOfService) return InstrumentRefusal.OutOfService;
        if (CalibrationDue is null) return InstrumentRefusal.NotCalibrated;
        if (!IsCalibrationValid(today)) return InstrumentRefusal.CalibrationExpired;
        return null;
    }

    public bool CanRun(TestMethod method, DateOnly today) => WhyCannotRun(method, today) is null;

    /// <summary>Throws the reason the instrument may not run the method today.</summary>
    public void EnsureCanRun(TestMethod method, DateOnly today)
    {
        switch (WhyCannotRun(method, today))
        {
            case InstrumentRefusal.WrongType:
                throw new DomainException("instrument-wrong-type", $"Instrument {Code} ({Type}) cannot run {method.Code}, which needs a {method.InstrumentType}.");
            case InstrumentRefusal.OutOfService:
                throw new DomainException("instrument-out-of-service", $"Instrument {Code} is out of service: {OutOfServiceReason}");
            case InstrumentRefusal.NotCalibrated:
                throw new DomainException("instrument-not-calibrated", $"Instrument {Code} has no calibration on record.");
            case InstrumentRefusal.CalibrationExpired:
                throw new DomainException("instrument-calibration-expired", $"Instrument {Code}'s calibration expired on {CalibrationDue:yyyy-MM-dd}.");
        }
    }
}

public enum InstrumentRefusal { WrongType, OutOfService, NotCalibrated, CalibrationExpired }
