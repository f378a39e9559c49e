using Lab.Domain.Instruments;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> b)
    {
        b.HasOne<Analysis>().WithMany().HasForeignKey(r => r.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.InstrumentCode).HasMaxLength(20);
        b.Property(r => r.MethodCode).HasMaxLength(12);
        b.Property(r => r.SampleBarcode).HasMaxLength(30);
        b.Property(r => r.StartedBy).HasMaxLength(200);
        b.Property(r => r.Error).HasMaxLength(2000);
        b.Property(r => r.RawDataPath).HasMaxLength(300);
        b.Property(r => r.RawDataSha256).HasMaxLength(64);
        b.HasIndex(r => r.RawDataSha256);
        b.Property(r => r.RawDataFormat).HasMaxLength(40);
        b.Property(r => r.ImportFileName).HasMaxLength(260);
        b.Property(r => r.Unit).HasMaxLength(40);
        b.HasIndex(r => new { r.AnalysisId, r.Status });
        b.HasIndex(r => new { r.InstrumentId, r.QueuedAt });
        b.Property(r => r.Status).IsConcurrencyToken();
    }
}
