using Lab.Data.Identity;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Web.Barcodes;
using Web.Infrastructure;

namespace Web.Controllers;

/// <summary>
/// Barcode labels for people: an enterprise prints its own request's labels before sending the parcel; staff
/// print or reprint any. Another enterprise's request or sample answers 404.
/// </summary>
[Authorize]
public class LabelsController(RequestLabels labels, CurrentUser currentUser) : Controller
{
    [HttpGet("/requests/{number}/labels.pdf")]
    public async Task<IActionResult> RequestPdf(string number, string? layout)
    {
        var request = await VisibleAsync(number);
        if (request is null) return NotFound();
        var kind = string.Equals(layout, "thermal", StringComparison.OrdinalIgnoreCase) ? LabelPdfLayout.Thermal : LabelPdfLayout.A4Sheet;
        return File(labels.Pdf(request, kind), "application/pdf", $"{number}-labels{(kind == LabelPdfLayout.Thermal ? "-50x30" : "-A4")}.pdf");
    }

    [HttpGet("/requests/{number}/labels.zpl")]
    public async Task<IActionResult> RequestZpl(string number)
    {
        var request = await VisibleAsync(number);
        if (request is null) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(labels.Zpl(request)), "text/plain; charset=utf-8", $"{number}-labels.zpl");
    }

    [HttpGet("/samples/{barcode}/label.{format:regex(^(png|svg)$)}")]
    public async Task<IActionResult> SampleLabel(string barcode, string format)
    {
        var reading = Numbers.ReadScan(barcode);
        if (!reading.IsValid || reading.Kind is not (ScanKind.Sample or ScanKind.Specimen)) return NotFound();
        var sampleCode = reading.Kind == ScanKind.Specimen ? Numbers.SampleOfSpecimen(reading.Code!) : reading.Code!;
        var number = await labels.FindNumberOfSampleAsync(sampleCode);
        var request = number is null ? null : await VisibleAsync(number);
        var label = request is null ? null : labels.One(request, reading.Code!);
        if (label is null) return NotFound();
        return format == "png"
            ? File(labels.Png(label), "image/png", $"{label.Barcode}.png")
            : File(System.Text.Encoding.UTF8.GetBytes(labels.Svg(label)), "image/svg+xml", $"{label.Barcode}.svg");
    }

    private async Task<Lab.Domain.Requests.TestRequest?> VisibleAsync(string number)
    {
        if (!currentUser.IsClient && !currentUser.IsStaff) return null;
        return await labels.FindAsync(number, await currentUser.EnterpriseIdAsync());
    }
}
