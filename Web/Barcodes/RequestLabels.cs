using Lab.Data;
using Lab.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Web.Infrastructure;

namespace Web.Barcodes;

/// <summary>Labels of a request's samples (and of a sample's specimens), as the enterprise and reception print them.</summary>
public sealed class RequestLabels(LabDbContext db, ILabelRenderer renderer)
{
    public async Task<TestRequest?> FindAsync(string number, int? enterpriseId) =>
        await db.TestRequests.AsNoTracking().Include(r => r.Samples).ThenInclude(s => s.Specimens)
            .SingleOrDefaultAsync(r => r.Number == number && r.Status != RequestStatus.Draft && (enterpriseId == null || r.EnterpriseId == enterpriseId));

    public Task<string?> FindNumberOfSampleAsync(string sampleBarcode) =>
        db.Samples.Where(s => s.Barcode == sampleBarcode)
            .Select(s => db.TestRequests.Where(r => r.Id == s.TestRequestId).Select(r => r.Number).FirstOrDefault())
            .FirstOrDefaultAsync();

    public static DateOnly LabelDate(TestRequest request) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(request.SubmittedAt ?? request.CreatedAt, Lang.LabTimeZone));

    /// <summary>One label per sample, then one per specimen already cut.</summary>
    public static IReadOnlyList<LabelContent> Contents(TestRequest request)
    {
        var date = LabelDate(request);
        var labels = LabelContent.ForRequest(request, date).ToList();
        foreach (var sample in request.Samples)
            labels.AddRange(sample.Specimens.Select(sp => new LabelContent(sp.Barcode, request.Number!, sample.Name, date,
                $"#{sp.Number} {sp.Description}".Trim())));
        return labels;
    }

    public byte[] Pdf(TestRequest request, LabelPdfLayout layout) => renderer.Pdf(Contents(request), layout);

    public string Zpl(TestRequest request) => renderer.Zpl(Contents(request));

    public LabelContent? One(TestRequest request, string code) => Contents(request).FirstOrDefault(l => l.Barcode == code);

    public byte[] Png(LabelContent label) => renderer.Png(label);

    public string Svg(LabelContent label) => renderer.Svg(label);
}
