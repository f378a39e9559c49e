using Lab.Domain.Custody;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class StorageLocationConfiguration : IEntityTypeConfiguration<StorageLocation>
{
    public void Configure(EntityTypeBuilder<StorageLocation> b)
    {
        b.Property(l => l.Barcode).HasMaxLength(20);
        b.HasIndex(l => l.Barcode).IsUnique();
        b.Property(l => l.Name).HasMaxLength(100);
    }
}

public sealed class CustodyEventConfiguration : IEntityTypeConfiguration<CustodyEvent>
{
    public void Configure(EntityTypeBuilder<CustodyEvent> b)
    {
        b.HasOne<Sample>().WithMany().HasForeignKey(e => e.SampleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Specimen>().WithMany().HasForeignKey(e => e.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Barcode).HasMaxLength(30);
        b.Property(e => e.LocationBarcode).HasMaxLength(20);
        b.Property(e => e.LocationName).HasMaxLength(100);
        b.Property(e => e.By).HasMaxLength(200);
        b.Property(e => e.Station).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.HasIndex(e => new { e.SampleId, e.At });
        b.HasIndex(e => e.At);
    }
}

public sealed class SpecimenConfiguration : IEntityTypeConfiguration<Specimen>
{
    public void Configure(EntityTypeBuilder<Specimen> b)
    {
        b.Property(s => s.Barcode).HasMaxLength(30);
        b.HasIndex(s => s.Barcode).IsUnique();
        b.Property(s => s.Description).HasMaxLength(200);
        b.Property(s => s.LocationBarcode).HasMaxLength(20);
        b.Property(s => s.LocationName).HasMaxLength(100);
        b.Property(s => s.Holder).HasMaxLength(200);
    }
}
