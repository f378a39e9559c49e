using Lab.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class ProductFamilyConfiguration : IEntityTypeConfiguration<ProductFamily>
{
    public void Configure(EntityTypeBuilder<ProductFamily> b)
    {
        b.Property(f => f.Code).HasMaxLength(8);
        b.HasIndex(f => f.Code).IsUnique();
        b.Property(f => f.NameZh).HasMaxLength(200);
        b.Property(f => f.NameEn).HasMaxLength(200);
    }
}

public sealed class TestMethodConfiguration : IEntityTypeConfiguration<TestMethod>
{
    public void Configure(EntityTypeBuilder<TestMethod> b)
    {
        b.Property(m => m.Code).HasMaxLength(12);
        b.HasIndex(m => m.Code).IsUnique();
        b.HasOne(m => m.Family).WithMany().HasForeignKey(m => m.ProductFamilyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.NameZh).HasMaxLength(200);
        b.Property(m => m.NameEn).HasMaxLength(200);
        b.Property(m => m.Standard).HasMaxLength(300);
        b.Property(m => m.QuantityZh).HasMaxLength(200);
        b.Property(m => m.QuantityEn).HasMaxLength(200);
        b.Property(m => m.Unit).HasMaxLength(40);
        b.Property(m => m.RequirementZh).HasMaxLength(500);
        b.Property(m => m.RequirementEn).HasMaxLength(500);
        b.Property(m => m.SampleUnitZh).HasMaxLength(20);
        b.Property(m => m.SampleUnitEn).HasMaxLength(40);
        b.Property(m => m.PriceCny).HasConversion(Mapping.Money);
        b.ComplexProperty(m => m.Limit, Mapping.ConfigureLimit);
    }
}
