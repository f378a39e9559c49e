using System.Diagnostics;
using System.Net.Http.Headers;
using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Api;
using Web.Booking;
using Web.Samples;

namespace Web.Controllers.Api;

/// <summary>
/// The scanner API: the lab's scan devices and station PCs do over JSON what the scan station page does, through the
/// same <see cref="ScanService"/> (receive, move, take, return, dispose, look up), and anyone with a key reads a
/// sample's state. A code that cannot be a lab code (or whose check character is wrong) is 422, a valid code of
/// nothing is 404, an illegal move 409 (the domain's reason, from <see cref="Infrastructure.DomainExceptionFilter"/>),
/// a bad body 400 naming the field. An enterprise key sees only its own samples; another's answers 404 like a code
/// that does not exist.
/// </summary>
[ApiController]
[Route("api/v1")]
public sealed class ScannerApiController(SampleStateCache states, IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <summary>Recorded as the custody event's "by": the station key's name, so every scan traces to a key an Admin issued.</summary>
    public const string ByPrefix = "station:";

    [HttpPost("scans")]
    [Authorize(Policy = ApiKeyDefaults.StationPolicy)]
    public async Task<IActionResult> Scan()
    {
        var scans = Scans;
        if (Request.ContentLength > ScanJson.MaxBodyBytes) return TooLarge();
        var body = await ApiBody.ReadAsync(HttpContext, ScanJson.MaxBodyBytes);
        if (body is null) return TooLarge();
        if (body.Length > 0 && !ApiBody.IsJson(Request.ContentType)) return Invalid([new("Content-Type", "Api.Error.ContentType")]);
        var (input, errors) = ScanJson.Read(body);
        if (input is null || errors.Count > 0) return Invalid(errors);

        var found = await scans.FindAsync(input.Barcode);
        if (Refused(found, "barcode") is { } refused) return refused;
        var by = ByPrefix + User.Identity!.Name;
        var station = input.Station!.Trim();
        switch (input.Action)
        {
            case ScanAction.Receive:
                await scans.ReceiveAsync(found, by, station, input.Quantity ?? found.Sample!.Quantity, input.Condition, input.Note, null);
                break;
            case ScanAction.Move:
                var target = await scans.FindAsync(input.Location);
                if (Refused(target, "location") is { } wrongPlace) return wrongPlace;
                await scans.MoveAsync(found, target.Location!, by, station);
                break;
            case ScanAction.Take:
                await scans.TakeAsync(found, by, station);
                break;
            case ScanAction.Return or ScanAction.Dispose:
                await scans.ReleaseAsync(found, input.Action == ScanAction.Return, by, station, input.Note);
                break;
        }
        return Ok(await StateAsync(scans, found));
    }

    [HttpGet("samples/{barcode}")]
    [Authorize(Policy = ApiKeyDefaults.AnyKeyPolicy)]
    public async Task<IActionResult> Sample(string? barcode)
    {
        // Nullable: a blank code is "not a lab code" (422) like any other, not the framework's "required" 400.
        if (barcode?.Trim() is { Length: > ScanJson.MaxCodeLength } tooLong)
            return Unreadable(BarcodeProblem.NotABarcode, tooLong[..ScanJson.MaxCodeLength] + "…", "barcode");
        var reading = Numbers.ReadScan(barcode);
        if (reading is { IsValid: true, Kind: ScanKind.Sample or ScanKind.Specimen })
        {
            // The common case, because scan stations ask it all day: from memory while the database has not changed,
            // else read narrowly (one compiled, untracked query); the same JSON either way.
            var state = await states.FindAsync(() => HttpContext.RequestServices.GetRequiredService<LabDbContext>(), reading.Code!, reading.Kind.Value);
            // An enterprise reads its own samples only; another's is "not found", exactly like a code nobody issued.
            if (state is null || User.FindFirst(ApiKeyDefaults.KindClaim)?.Value == nameof(ApiKeyKind.Enterprise) && state.EnterpriseId != User.EnterpriseId())
                return NotFoundProblem();
            return new Utf8JsonResult(state.Json);
        }
        // Not a sample's code (unreadable, a wrong check character, a location): refused as a scan refuses it.
        return Refused(await Scans.FindAsync(barcode), "barcode") ?? throw new InvalidOperationException($"{barcode} was read as a sample's code.");
    }

    // Resolved when an action needs it, not in the constructor: it brings the email services, which a look-up never
    // uses. (Not as a [FromServices] parameter either: MVC would then read a form body before ApiBody reads it.)
    private ScanService Scans => HttpContext.RequestServices.GetRequiredService<ScanService>();

    private static async Task<ApiSampleState> StateAsync(ScanService scans, ScanFound found) =>
        ApiSampleState.From(found.Request!, found.Sample!, found.Specimen, await scans.ChainOfCustodyAsync(found.Sample!.Id));

    /// <summary>
    /// Why a scanned code cannot be used in <paramref name="field"/> (a sample or specimen for "barcode", a storage
    /// location for "location"), or null when it can.
    /// </summary>
    private ObjectResult? Refused(ScanFound found, string field)
    {
        if (found.Problem is { } problem) return Unreadable(problem, found.Code, field);
        var wantsLocation = field == "location";
        if (wantsLocation && found.Kind != ScanKind.Location)
            return Problem422(l["Api.Scan.NotALocation.Title"], l["Api.Scan.NotALocation.Detail", field, found.Code], "NotALocation", field);
        if (!wantsLocation && found.Kind == ScanKind.Location)
            return Problem422(l["Api.Scan.NotASample.Title"], l["Api.Scan.NotASample.Detail", field, found.Code], "NotASample", field);
        if (!found.Unknown) return null;
        // A location nobody uses is a move the lab cannot make (409); a sample nobody booked is simply not here (404).
        return wantsLocation
            ? Problem(statusCode: StatusCodes.Status409Conflict, title: l["Api.Scan.UnknownLocation.Title"],
                detail: l["Api.Scan.UnknownLocation.Detail", found.Code], type: ApiProblems.TypeFor(409))
            : NotFoundProblem();
    }

    /// <summary>The two ways a code is refused before it is looked up: not a lab code at all, or a wrong check character.</summary>
    private ObjectResult Unreadable(BarcodeProblem problem, string code, string field) => problem == BarcodeProblem.WrongCheckCharacter
        ? Problem422(l["Api.Scan.WrongCheck.Title"], l["Api.Scan.WrongCheck.Detail", field, code], nameof(BarcodeProblem.WrongCheckCharacter), field)
        : Problem422(l["Api.Scan.NotACode.Title"], l["Api.Scan.NotACode.Detail", field, code], nameof(BarcodeProblem.NotABarcode), field);

    /// <summary>422: the code was read but cannot be used as <paramref name="field"/>; "problem" says why for machines.</summary>
    private ObjectResult Problem422(string title, string detail, string problem, string field)
    {
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = detail,
            Type = ApiProblems.TypeFor(422),
        };
        details.Extensions["field"] = field;
        details.Extensions["problem"] = problem;
        return Result(details);
    }

    private ObjectResult NotFoundProblem() =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Sample"], type: ApiProblems.TypeFor(404));

    private ObjectResult TooLarge() =>
        Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Api.Error.BodyTooLarge", ScanJson.MaxBodyBytes / 1024],
            type: ApiProblems.TypeFor(413));

    /// <summary>400 with every problem, by field in the order found, in the caller's language.</summary>
    private ObjectResult Invalid(IEnumerable<BookingError> errors)
    {
        var byField = errors.GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Args.Length == 0 ? l[e.Key] : l[e.Key, e.Args]).Value).Distinct().ToArray());
        return Result(new ValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["Api.Invalid"],
            Type = ApiProblems.TypeFor(400),
        });
    }

    private ObjectResult Result(ProblemDetails problem)
    {
        problem.Extensions["traceId"] = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ApiProblems.ContentType } };
    }
}
