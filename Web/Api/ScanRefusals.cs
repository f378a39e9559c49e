using System.Diagnostics;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Localization;
using Web.Samples;

namespace Web.Api;

/// <summary>
/// Why the scanner API refuses a code, as the ProblemDetails results MVC writes (the same factory, formatter and JSON
/// options as a controller's <c>Problem(...)</c>), for the scan action and the sample look-up alike. A code that cannot
/// be a lab code (or whose check character is wrong) is 422, a valid code of nothing is 404.
/// </summary>
public sealed class ScanRefusals(HttpContext http, IStringLocalizer<SharedResource> l)
{
    /// <summary>
    /// Why a scanned code cannot be used in <paramref name="field"/> (a sample or specimen for "barcode", a storage
    /// location for "location"), or null when it can.
    /// </summary>
    public ObjectResult? Refused(ScanFound found, string field)
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
            ? Problem(StatusCodes.Status409Conflict, l["Api.Scan.UnknownLocation.Title"], l["Api.Scan.UnknownLocation.Detail", found.Code])
            : NotFound();
    }

    /// <summary>The two ways a code is refused before it is looked up: not a lab code at all, or a wrong check character.</summary>
    public ObjectResult Unreadable(BarcodeProblem problem, string code, string field) => problem == BarcodeProblem.WrongCheckCharacter
        ? Problem422(l["Api.Scan.WrongCheck.Title"], l["Api.Scan.WrongCheck.Detail", field, code], nameof(BarcodeProblem.WrongCheckCharacter), field)
        : Problem422(l["Api.Scan.NotACode.Title"], l["Api.Scan.NotACode.Detail", field, code], nameof(BarcodeProblem.NotABarcode), field);

    /// <summary>No such sample, or one the caller may not see: the same answer for both.</summary>
    public ObjectResult NotFound() => Problem(StatusCodes.Status404NotFound, l["Api.NotFound.Sample"]);

    /// <summary>As <c>ControllerBase.Problem(statusCode, title, type, detail)</c>: MVC's ProblemDetailsFactory adds the trace id.</summary>
    public ObjectResult Problem(int status, string title, string? detail = null)
    {
        var details = http.RequestServices.GetRequiredService<ProblemDetailsFactory>()
            .CreateProblemDetails(http, statusCode: status, title: title, type: ApiProblems.TypeFor(status), detail: detail);
        return new ObjectResult(details) { StatusCode = details.Status };
    }

    /// <summary>422: the code was read but cannot be used as <paramref name="field"/>; "problem" says why for machines.</summary>
    public ObjectResult Problem422(string title, string detail, string problem, string field)
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

    public ObjectResult Result(ProblemDetails problem)
    {
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ApiProblems.ContentType } };
    }
}
