using System.Text.Json;
using Lab.Data;
using Lab.Domain.Common;
using Lab.Domain.Instruments;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Api;
using Web.Infrastructure;
using Web.Instruments;

namespace Web.Controllers.Api;

/// <summary>The run API for station and instrument PCs: which instruments there are, start a run, follow it.</summary>
[ApiController]
[Route("api/v1")]
[Authorize(Policy = ApiKeyDefaults.StationPolicy)]
public sealed class RunsApiController(LabDbContext db, RunService runs, IStringLocalizer<SharedResource> l) : ControllerBase
{
    [HttpGet("instruments")]
    public async Task<IActionResult> Instruments()
    {
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Code).ToListAsync();
        var methods = await db.TestMethods.AsNoTracking().Where(m => m.Active).Select(m => new { m.Code, m.InstrumentType }).ToListAsync();
        return Ok(instruments.Select(i => new
        {
            code = i.Code,
            name = i.Name,
            type = i.Type.ToString(),
            methods = methods.Where(m => m.InstrumentType == i.Type).Select(m => m.Code).Order().ToList(),
            calibrationDue = i.CalibrationDue?.ToString("yyyy-MM-dd"),
            status = i.Status.ToString(),
        }));
    }

    /// <summary>{"barcode","method","instrument"} → 202 {"runId"}; 409/422 with the reason the run cannot start.</summary>
    [HttpPost("runs")]
    public async Task<IActionResult> Start()
    {
        var body = await ApiBody.ReadAsync(HttpContext, 16 * 1024);
        if (body is null) return Problem(statusCode: 413, title: l["Api.Error.BodyTooLarge", 16]);
        string? barcode = null, method = null, instrument = null;
        double? temperature = null, humidity = null;
        var errors = new Dictionary<string, string[]>();
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                barcode = Text(doc.RootElement, "barcode");
                method = Text(doc.RootElement, "method");
                instrument = Text(doc.RootElement, "instrument");
                // The room's conditions as read at the station (optional): numbers, °C and %RH.
                temperature = Number(doc.RootElement, "temperature", errors);
                humidity = Number(doc.RootElement, "humidity", errors);
            }
        }
        catch (JsonException)
        {
        }
        if (string.IsNullOrWhiteSpace(barcode)) errors["barcode"] = [l["Api.Runs.Required", "barcode"]];
        if (string.IsNullOrWhiteSpace(method)) errors["method"] = [l["Api.Runs.Required", "method"]];
        if (string.IsNullOrWhiteSpace(instrument)) errors["instrument"] = [l["Api.Runs.Required", "instrument"]];
        if (errors.Count > 0) return ValidationProblem(new ValidationProblemDetails(errors) { Status = 400 });

        var reading = Numbers.ReadScan(barcode);
        if (!reading.IsValid || reading.Kind is not (ScanKind.Sample or ScanKind.Specimen))
            return Problem(statusCode: 422, title: l[reading.Problem == BarcodeProblem.WrongCheckCharacter ? "Api.Runs.WrongCheck" : "Api.Runs.NotASample", barcode!]);
        var sampleCode = reading.Kind == ScanKind.Specimen ? Numbers.SampleOfSpecimen(reading.Code!) : reading.Code!;
        var analysisId = await db.Analyses.Where(a => a.MethodCode == method!.Trim().ToUpper() && a.Status != Lab.Domain.Requests.AnalysisStatus.Retracted
                && db.Samples.Any(s => s.Id == a.SampleId && s.Barcode == sampleCode))
            .OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (analysisId is null) return Problem(statusCode: 404, title: l["Api.Runs.NoAnalysis", method!, sampleCode]);
        try
        {
            var run = await runs.StartAsync(analysisId.Value, instrument!, $"station:{User.Identity?.Name}", temperature, humidity);
            return Accepted($"/api/v1/runs/{run.Id}", new { runId = run.Id });
        }
        catch (DomainException ex) when (ex.Code is "conditions-temperature" or "conditions-humidity")
        {
            var field = ex.Code == "conditions-temperature" ? "temperature" : "humidity";
            return ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [DomainExceptionFilter.Message(l, ex)] }) { Status = 400 });
        }
        catch (DomainException ex)
        {
            var status = ex.Code is "instrument-unknown" ? 404 : ex.Code.StartsWith("instrument-", StringComparison.Ordinal) ? 422 : 409;
            return Problem(statusCode: status, title: DomainExceptionFilter.Message(l, ex), detail: ex.Message);
        }
    }

    /// <summary>An instrument PC posts a result file it exported (the file as the body, text/csv): 202 {"runId"}.</summary>
    [HttpPost("instruments/{code}/results")]
    public async Task<IActionResult> Import(string code)
    {
        var body = await ApiBody.ReadAsync(HttpContext, 5 * 1024 * 1024);
        if (body is null) return Problem(statusCode: 413, title: l["Api.Error.BodyTooLarge", 5 * 1024]);
        if (body.Length == 0) return Problem(statusCode: 400, title: l["Api.Runs.EmptyFile"]);
        try
        {
            var fileName = Request.Headers["X-File-Name"].ToString();
            var (run, duplicate) = await runs.ImportAsync(code, body, string.IsNullOrWhiteSpace(fileName) ? null : fileName, $"station:{User.Identity?.Name}");
            return duplicate ? Ok(new { runId = run.Id, duplicate = true }) : Accepted($"/api/v1/runs/{run.Id}", new { runId = run.Id, duplicate = false });
        }
        catch (DomainException ex)
        {
            var status = ex.Code is "instrument-unknown" or "import-no-analysis" ? 404 : ex.Code.StartsWith("import-", StringComparison.Ordinal) || ex.Code.StartsWith("instrument-", StringComparison.Ordinal) ? 422 : 409;
            return Problem(statusCode: status, title: DomainExceptionFilter.Message(l, ex), detail: ex.Message);
        }
    }

    [HttpGet("runs/{id:int}")]
    public async Task<IActionResult> Get(int id)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return Problem(statusCode: 404, title: l["Api.Runs.NotFound"]);
        return Ok(new
        {
            status = run.Status.ToString(),
            value = run.Value,
            unit = run.Unit,
            verdict = run.Verdict?.ToString(),
            error = run.Error,
            attempts = run.Attempts,
            rawDataSha256 = run.RawDataSha256,
        });
    }

    private double? Number(JsonElement e, string name, Dictionary<string, string[]> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        errors[name] = [l["Api.Runs.Number", name]];
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length <= 100 ? v.GetString() : null;
}
