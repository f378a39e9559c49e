using System.Net.Http.Headers;
using Lab.Data;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Api;
using Web.Booking;
using Web.Reports;

namespace Web.Controllers.Api;

/// <summary>
/// /api/v1/requests: an enterprise's ERP books and follows its requests. Booking goes through the same
/// <see cref="BookingService"/> as the portal (validate, draft, submit); the body is read by hand
/// (<see cref="BookingJson"/>) so any bad input is a 400 naming its fields, never a 500. Another enterprise's
/// number answers 404, exactly like one that does not exist.
/// </summary>
[ApiController]
[Route("api/v1/requests")]
[Authorize(Policy = ApiKeyDefaults.EnterprisePolicy)]
public sealed class RequestsApiController(LabDbContext db, BookingService booking, IStringLocalizer<SharedResource> l) : ControllerBase
{
    [HttpGet("")]
    public async Task<IReadOnlyList<ApiRequest>> List()
    {
        var requests = await Requests()
            .Where(r => r.Status != RequestStatus.Draft)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .ToListAsync(HttpContext.RequestAborted);
        var reports = await db.SummariesAsync(requests.Select(r => r.Id).ToList(), HttpContext.RequestAborted);
        return requests.Select(r => ApiRequest.From(r, reports[r.Id])).ToList();
    }

    [HttpGet("{number}")]
    public async Task<IActionResult> Get(string number)
    {
        var request = await Requests().SingleOrDefaultAsync(r => r.Number == number && r.Status != RequestStatus.Draft, HttpContext.RequestAborted);
        if (request is null) return NotFoundProblem();
        return Ok(ApiRequest.From(request, await db.SummariesAsync(request, HttpContext.RequestAborted)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Book()
    {
        var enterpriseId = User.EnterpriseId()!.Value;
        var enterprise = await db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.Id == enterpriseId, HttpContext.RequestAborted);
        if (enterprise is null || !enterprise.IsApproved)
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: l["Api.EnterpriseNotApproved"], type: ApiProblems.TypeFor(403));

        if (Request.ContentLength > BookingJson.MaxBodyBytes) return TooLarge();
        var body = await ApiBody.ReadAsync(HttpContext, BookingJson.MaxBodyBytes);
        if (body is null) return TooLarge();
        if (body.Length > 0 && !ApiBody.IsJson(Request.ContentType)) return Invalid([new("Content-Type", "Api.Error.ContentType")]);

        var (input, readErrors) = BookingJson.Read(body);
        if (input is null) return Invalid(readErrors);
        var methods = await booking.ActiveMethodsAsync();
        var errors = readErrors.Concat(BookingService.Validate(input, methods).Unless(readErrors)).ToList();
        if (errors.Count > 0) return Invalid(errors);

        var request = await booking.SaveDraftAsync(null, input, enterprise, "api:" + User.Identity!.Name, methods);
        await booking.SubmitAsync(request, enterprise);
        return Created($"/api/v1/requests/{request.Number}", ApiRequest.From(request));
    }

    private IQueryable<TestRequest> Requests() =>
        db.TestRequests.AsNoTracking().VisibleTo(User.EnterpriseId()!.Value)
            .Include(r => r.Samples).ThenInclude(s => s.Analyses)
            .AsSplitQuery();

    private ObjectResult NotFoundProblem() =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: l["Api.NotFound.Request"], type: ApiProblems.TypeFor(404));

    private ObjectResult TooLarge() =>
        Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Api.Error.BodyTooLarge", BookingJson.MaxBodyBytes / 1024],
            type: ApiProblems.TypeFor(413));

    /// <summary>400 with every problem, grouped by field, in the caller's language (Accept-Language; Chinese by default).</summary>
    private ObjectResult Invalid(IEnumerable<BookingError> errors)
    {
        // In the order of the document: the body, then sample by sample, then the terms.
        var byField = errors.OrderBy(e => e.Path.StartsWith("samples", StringComparison.Ordinal) ? SampleIndex(e.Path) : int.MaxValue)
            .GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => (e.Args.Length == 0 ? l[e.Key] : l[e.Key, e.Args]).Value).Distinct().ToArray());
        var problem = new ValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = l["Api.Invalid"],
            Type = ApiProblems.TypeFor(400),
        };
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { ApiProblems.ContentType } };
    }

    /// <summary>-1 for "samples" itself, n for "samples[n]" and what is inside it.</summary>
    private static int SampleIndex(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), out var i) ? i : -1;
    }
}
