using Lab.Data.ApiKeys;
using Lab.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> b)
    {
        b.Property(e => e.Purpose).HasMaxLength(60);
        b.Property(e => e.Reference).HasMaxLength(40);
        b.Property(e => e.To).HasMaxLength(254);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Culture).HasMaxLength(10);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.Property(e => e.ServerResponse).HasMaxLength(500);
        b.HasIndex(e => new { e.Status, e.CreatedAt });
        b.HasIndex(e => e.Reference);
    }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(12);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => k.EnterpriseId);
        b.Property(k => k.CreatedBy).HasMaxLength(254);
        b.Property(k => k.RevokedBy).HasMaxLength(254);
    }
}
