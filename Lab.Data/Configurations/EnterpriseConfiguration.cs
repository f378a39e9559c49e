using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Address).HasMaxLength(300);
        b.Property(e => e.CreditCode).HasMaxLength(18)
            .HasConversion(c => c.Value, v => CreditCode.Parse(v));
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.Property(e => e.RejectionReason).HasMaxLength(500);
        b.HasMany(e => e.Contacts).WithOne().HasForeignKey("EnterpriseId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Contacts).HasField("_contacts");
    }
}

public sealed class EnterpriseContactConfiguration : IEntityTypeConfiguration<EnterpriseContact>
{
    public void Configure(EntityTypeBuilder<EnterpriseContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.Email).HasMaxLength(254);
        b.HasIndex("EnterpriseId", nameof(EnterpriseContact.Email)).IsUnique();
    }
}
