using Lab.Domain.Common;

namespace Lab.Domain.Catalog;

/// <summary>A group of products the lab tests (umbrellas, footwear, textiles, foam and rubber).</summary>
public class ProductFamily
{
    public int Id { get; private set; }
    /// <summary>Prefix of the family's method codes: UMB, FTW, TEX, FOM.</summary>
    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }

    private ProductFamily() { } // for EF

    public ProductFamily(string code, string nameZh, string nameEn, int sortOrder)
    {
        Code = Guard.Text(code, nameof(code), 8).ToUpperInvariant();
        NameZh = Guard.Text(nameZh, nameof(nameZh));
        NameEn = Guard.Text(nameEn, nameof(nameEn));
        SortOrder = sortOrder;
    }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;
}
