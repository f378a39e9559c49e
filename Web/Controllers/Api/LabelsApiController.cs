using Lab.Data.ApiKeys;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Web.Api;
using Web.Barcodes;

namespace Web.Controllers.Api;

/// <summary>Labels for scan devices and ERPs: the lab's keys get any, an enterprise's key only its own (else 404).</summary>
[ApiController]
[Route("api/v1")]
[Authorize(Policy = ApiKeyDefaults.AnyKeyPolicy)]
public sealed class LabelsApiController(RequestLabels labels) : ControllerBase
{
    [HttpGet("samples/{barcode}/label.png")]
    public async Task<IActionResult> SampleLabel(string barcode)
    {
        var reading = Numbers.ReadScan(barcode);
        if (!reading.IsValid)
            return Problem(statusCode: 422, title: reading.Problem == BarcodeProblem.WrongCheckCharacter
                ? "The barcode's check character is wrong." : "This is not a barcode of this lab.");
        if (reading.Kind is not (ScanKind.Sample or ScanKind.Specimen)) return Problem(statusCode: 404, title: "No such sample.");
        var sampleCode = reading.Kind == ScanKind.Specimen ? Numbers.SampleOfSpecimen(reading.Code!) : reading.Code!;
        var number = await labels.FindNumberOfSampleAsync(sampleCode);
        var request = number is null ? null : await labels.FindAsync(number, EnterpriseScope());
        var label = request is null ? null : labels.One(request, reading.Code!);
        return label is null ? Problem(statusCode: 404, title: "No such sample.") : File(labels.Png(label), "image/png", $"{label.Barcode}.png");
    }

    [HttpGet("requests/{number}/labels.pdf")]
    public async Task<IActionResult> RequestLabels(string number, string? layout)
    {
        var request = await labels.FindAsync(number, EnterpriseScope());
        if (request is null) return Problem(statusCode: 404, title: "No such request.");
        var kind = string.Equals(layout, "thermal", StringComparison.OrdinalIgnoreCase) ? LabelPdfLayout.Thermal : LabelPdfLayout.A4Sheet;
        return File(labels.Pdf(request, kind), "application/pdf", $"{number}-labels.pdf");
    }

    /// <summary>An enterprise key sees its own enterprise only; station and instrument keys see everything.</summary>
    private int? EnterpriseScope() =>
        User.FindFirst(ApiKeyDefaults.KindClaim)?.Value == nameof(ApiKeyKind.Enterprise) ? User.EnterpriseId() ?? -1 : null;
}
