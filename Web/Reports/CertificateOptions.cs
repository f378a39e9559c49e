namespace Web.Reports;

/// <summary>
/// The "Lab:Certificate" section: the laboratory as its test reports name it. The CMA and CNAS marks print only when
/// switched on and their numbers are set: a report must never carry a mark the lab does not hold.
/// </summary>
public sealed class CertificateOptions
{
    public const string Section = "Lab:Certificate";

    public string NameZh { get; set; } = "晋江创新中心产品检测实验室";
    public string NameEn { get; set; } = "Jinjiang Innovation Center Product Testing Laboratory";
    public string AddressZh { get; set; } = "福建省泉州市晋江市创新中心";
    public string AddressEn { get; set; } = "Innovation Center, Jinjiang, Quanzhou, Fujian, China";
    public string Phone { get; set; } = "0595-8500 0000";
    /// <summary>The 12-digit number of the lab's CMA certificate (检验检测机构资质认定).</summary>
    public string? CmaNumber { get; set; }
    /// <summary>The lab's CNAS accreditation number, e.g. CNAS L12345.</summary>
    public string? CnasNumber { get; set; }
    public bool ShowCma { get; set; } = true;
    public bool ShowCnas { get; set; } = true;
}
