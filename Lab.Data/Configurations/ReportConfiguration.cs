using Lab.Domain.Reports;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lab.Data.Configurations;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Number).HasMaxLength(30);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.VerificationCode).HasMaxLength(64);
        b.HasIndex(r => r.VerificationCode).IsUnique();
        b.HasOne<TestRequest>().WithMany().HasForeignKey(r => r.TestRequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Supersedes).WithOne(r => r.SupersededBy).HasForeignKey<Report>(r => r.SupersedesReportId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.TestedBy).HasMaxLength(300);
        b.Property(r => r.ReviewedBy).HasMaxLength(300);
        b.Property(r => r.ApprovedBy).HasMaxLength(200);
        b.Property(r => r.PdfSha256).HasMaxLength(64);
        b.Property(r => r.PdfPath).HasMaxLength(500);
        b.Property(r => r.AmendmentReason).HasMaxLength(1000);
        b.Property(r => r.WithdrawalReason).HasMaxLength(1000);
    }
}

public sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<Numbering.NumberSequence>
{
    public void Configure(EntityTypeBuilder<Numbering.NumberSequence> b)
    {
        b.HasKey(s => new { s.Kind, s.Year });
        b.Property(s => s.Kind).HasMaxLength(20);
    }
}
