using Lab.Domain.Instruments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> b)
    {
        b.Property(i => i.Code).HasMaxLength(20);
        b.HasIndex(i => i.Code).IsUnique();
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Location).HasMaxLength(200);
        b.Property(i => i.SerialNumber).HasMaxLength(80);
        b.Property(i => i.OutOfServiceReason).HasMaxLength(500);
        b.Property(i => i.CalibrationCertificate).HasMaxLength(80);
        b.HasIndex(i => i.CalibrationDue);
        b.HasMany(i => i.Calibrations).WithOne().HasForeignKey("InstrumentId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Calibrations).HasField("_calibrations");
    }
}

public sealed class CalibrationConfiguration : IEntityTypeConfiguration<Calibration>
{
    public void Configure(EntityTypeBuilder<Calibration> b) => b.Property(c => c.CertificateNumber).HasMaxLength(80);
}
