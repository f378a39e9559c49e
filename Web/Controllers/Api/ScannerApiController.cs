using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Api;
using Web.Booking;
using Web.Samples;

namespace Web.Controllers.Api;

/// <summary>
/// The scanner API: the lab's scan devices and station PCs do over JSON what the scan station page does, through the
/// same <see cref="ScanService"/> (receive, move, take, return, dispose, look up). A code that cannot be a lab code
/// (or whose check character is wrong) is 422, a valid code of nothing is 404 (<see cref="ScanRefusals"/>), an illegal
/// move 409 (the domain's reason, from <see cref="Infrastructure.DomainExceptionFilter"/>), a bad body 400 naming the
/// field. Reading a sample's state with any key, GET /api/v1/samples/{barcode}, is <see cref="SampleStateEndpoint"/>.
/// </summary>
[ApiController]
[Route("api/v1")]
public sealed class ScannerApiController(IStringLocalizer<SharedResource> l) : ControllerBase
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

    // Resolved when an action needs it, not in the constructor: it brings the email services, which a look-up never
    // uses. (Not as a [FromServices] parameter either: MVC would then read a form body before ApiBody reads it.)
    private ScanService Scans => HttpContext.RequestServices.GetRequiredService<ScanService>();

    private static async Task<ApiSampleState> StateAsync(ScanService scans, ScanFound found) =>
        ApiSampleState.From(found.Request!, found.Sample!, found.Specimen, await scans.ChainOfCustodyAsync(found.Sample!.Id));

    private ScanRefusals Refusals => new(HttpContext, l);

    private ObjectResult? Refused(ScanFound found, string field) => Refusals.Refused(found, field);

    private ObjectResult TooLarge() =>
        Refusals.Problem(StatusCodes.Status413PayloadTooLarge, l["Api.Error.BodyTooLarge", ScanJson.MaxBodyBytes / 1024]);

    /// <summary>400 with every problem, by field in the order found, in the caller's language.</summary>
    private ObjectResult Invalid(IEnumerable<BookingError> errors)
    {
        var byField = errors.GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Args.Length == 0 ? l[e.Key] : l[e.Key, e.Args]).Value).Distinct().ToArray());
        return Refusals.Result(new ValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["Api.Invalid"],
            Type = ApiProblems.TypeFor(400),
        });
    }
}
