using Microsoft.EntityFrameworkCore;
using Lab.Domain.Catalog;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lab.Data.Configurations;

internal static class Mapping
{
    /// <summary>
    /// Yuan are stored as whole fen (分): exact, and SQLite can sort and sum integers (it cannot compare
    /// decimals in SQL).
    /// </summary>
    public static readonly ValueConverter<decimal, long> Money = new(v => (long)decimal.Round(v * 100m, MidpointRounding.AwayFromZero), v => v / 100m);

    /// <summary>A limit's columns: LimitKind, LimitLower, LimitUpper, ...</summary>
    public static void ConfigureLimit(ComplexPropertyBuilder<SpecLimit> limit)
    {
        limit.Property(l => l.Kind).HasColumnName("LimitKind");
        limit.Property(l => l.Lower).HasColumnName("LimitLower");
        limit.Property(l => l.Upper).HasColumnName("LimitUpper");
        limit.Property(l => l.LowerExclusive).HasColumnName("LimitLowerExclusive");
        limit.Property(l => l.UpperExclusive).HasColumnName("LimitUpperExclusive");
    }
}
