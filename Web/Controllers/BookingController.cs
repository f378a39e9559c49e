using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Catalog;
using Lab.Domain.Enterprises;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Booking;
using Web.Infrastructure;

namespace Web.Controllers;

/// <summary>
/// An enterprise books a request (委托单): samples, methods per sample, the terms, a quote, then submit. Drafts
/// are kept and can be resumed; a submitted request can be cancelled until its first sample is received.
/// </summary>
[Authorize]
[Route("requests")]
public class BookingController(LabDbContext db, BookingService booking, CurrentUser currentUser,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("new")]
    [Authorize(Roles = Roles.Client)]
    public async Task<IActionResult> New(string? method)
    {
        var enterprise = await EnterpriseAsync();
        if (enterprise is null) return Forbid();
        var input = new BookingInput { Samples = [new SampleInput { Methods = method is null ? [] : [method.ToUpperInvariant()] }] };
        return View("Edit", await FormAsync(input, enterprise, draftId: null, quote: null, recipients: string.Join("\n", enterprise.ReportRecipients)));
    }

    [HttpPost("new")]
    [Authorize(Roles = Roles.Client)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create(BookingInput input, string? recipientsText, string? command)
    {
        var enterprise = await EnterpriseAsync();
        if (enterprise is null) return Forbid();
        return await HandleAsync(null, input, recipientsText, command, enterprise);
    }

    [HttpGet("draft/{id:int}")]
    [Authorize(Roles = Roles.Client)]
    public async Task<IActionResult> Draft(int id)
    {
        var enterprise = await EnterpriseAsync();
        var draft = enterprise is null ? null : await LoadDraftAsync(id, enterprise.Id);
        if (draft is null) return NotFound();
        var input = ToInput(draft);
        var methods = await booking.ActiveMethodsAsync();
        var quote = BookingService.Validate(input, methods).Count == 0 ? booking.QuoteFor(draft) : null;
        return View("Edit", await FormAsync(input, enterprise!, draft.Id, quote, string.Join("\n", draft.ReportRecipients)));
    }

    [HttpPost("draft/{id:int}")]
    [Authorize(Roles = Roles.Client)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> UpdateDraft(int id, BookingInput input, string? recipientsText, string? command)
    {
        var enterprise = await EnterpriseAsync();
        var draft = enterprise is null ? null : await LoadDraftAsync(id, enterprise.Id);
        if (draft is null) return NotFound();
        return await HandleAsync(draft, input, recipientsText, command, enterprise!);
    }

    [HttpPost("draft/{id:int}/delete")]
    [Authorize(Roles = Roles.Client)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DeleteDraft(int id)
    {
        var enterprise = await EnterpriseAsync();
        var draft = enterprise is null ? null : await LoadDraftAsync(id, enterprise.Id);
        if (draft is null) return NotFound();
        db.TestRequests.Remove(draft);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Booking.DraftDeleted"].Value;
        return Redirect("/requests");
    }

    [HttpPost("{number}/cancel")]
    [Authorize(Roles = Roles.Client)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(string number, string? reason)
    {
        var enterprise = await EnterpriseAsync();
        var request = enterprise is null ? null : await db.TestRequests.Include(r => r.Samples)
            .SingleOrDefaultAsync(r => r.Number == number && r.EnterpriseId == enterprise.Id);
        if (request is null) return NotFound();
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = l["Booking.CancelReasonRequired"].Value;
            return Redirect($"/requests/{number}");
        }
        request.Cancel(reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Booking.Cancelled", number].Value;
        return Redirect($"/requests/{number}");
    }

    // ---- walk-in and phoned-in work: reception books for an approved enterprise ----

    [HttpGet("/reception/book")]
    [Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
    public async Task<IActionResult> WalkIn(string? q)
    {
        var enterprises = db.Enterprises.AsNoTracking().Where(e => e.Status == EnterpriseStatus.Approved);
        if (!string.IsNullOrWhiteSpace(q)) enterprises = enterprises.Where(e => e.Name.Contains(q.Trim()));
        return View("WalkIn", await enterprises.OrderBy(e => e.Name).Take(200).ToListAsync());
    }

    [HttpGet("/reception/book/{enterpriseId:int}")]
    [Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
    public async Task<IActionResult> WalkInForm(int enterpriseId)
    {
        var enterprise = await ApprovedEnterpriseAsync(enterpriseId);
        if (enterprise is null) return NotFound();
        var input = new BookingInput { Samples = [new SampleInput()] };
        return View("Edit", await FormAsync(input, enterprise, null, null, string.Join("\n", enterprise.ReportRecipients)) with { FormAction = $"/reception/book/{enterpriseId}", WalkIn = true });
    }

    [HttpPost("/reception/book/{enterpriseId:int}")]
    [Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> WalkInSubmit(int enterpriseId, BookingInput input, string? recipientsText, string? command)
    {
        var enterprise = await ApprovedEnterpriseAsync(enterpriseId);
        if (enterprise is null) return NotFound();
        // At the desk there is no draft to come back to: the quote is shown, then the request is submitted.
        return await HandleAsync(null, input, recipientsText, command == "save" ? "quote" : command, enterprise, $"/reception/book/{enterpriseId}");
    }

    private Task<Enterprise?> ApprovedEnterpriseAsync(int id) =>
        db.Enterprises.Include(e => e.Contacts).SingleOrDefaultAsync(e => e.Id == id && e.Status == EnterpriseStatus.Approved);

    private async Task<IActionResult> HandleAsync(TestRequest? draft, BookingInput input, string? recipientsText, string? command, Enterprise enterprise,
        string? walkInAction = null)
    {
        input.Samples ??= [];
        input.Samples.RemoveAll(s => s is null);
        input.ReportRecipients = (recipientsText ?? "").Split(['\n', ',', ';', ' ', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var s in input.Samples) s.Methods = (s.Methods ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();

        // Adding or removing a sample only changes the form; nothing is checked or saved yet.
        if (command == "add-sample")
        {
            input.Samples.Add(new SampleInput());
            ModelState.Clear();
            return View("Edit", WalkInAware(await FormAsync(input, enterprise, draft?.Id, null, recipientsText, focusSample: input.Samples.Count - 1), walkInAction));
        }
        if (command?.StartsWith("remove-sample-", StringComparison.Ordinal) == true
            && int.TryParse(command["remove-sample-".Length..], out var remove) && remove >= 0 && remove < input.Samples.Count && input.Samples.Count > 1)
        {
            input.Samples.RemoveAt(remove);
            ModelState.Clear();
            return View("Edit", WalkInAware(await FormAsync(input, enterprise, draft?.Id, null, recipientsText), walkInAction));
        }

        ModelState.Clear(); // binding problems (e.g. a quantity that is not a number) are reported by the validation below
        var methods = await booking.ActiveMethodsAsync();
        var errors = BookingService.Validate(input, methods);
        var saveOnly = command == "save";
        // A draft may be incomplete, but what it holds must be storable (names and sizes within limits).
        var blocking = saveOnly ? errors.Where(e => e.Key is "Booking.Error.TooLong" or "Booking.Error.QuantityRange" or "Booking.Error.RecipientInvalid" or "Booking.Error.TooManySamples" or "Booking.Error.TooManyRecipients" or "Booking.Error.Choice").ToList() : errors;
        if (saveOnly)
        {
            // A draft needs something to hold: unnamed samples get a placeholder name the user sees and can change.
            foreach (var (s, i) in input.Samples.Select((s, i) => (s, i)).Where(x => string.IsNullOrWhiteSpace(x.s.Name)))
                s.Name = l["Booking.UnnamedSample", i + 1];
        }
        if (blocking.Count > 0)
        {
            AddErrors(blocking);
            return View("Edit", WalkInAware(await FormAsync(input, enterprise, draft?.Id, null, recipientsText), walkInAction));
        }

        if (walkInAction is not null && command != "submit")
        {
            // Reception prices the request without keeping a draft; the same form then submits it.
            var quote = await booking.PreviewAsync(input, enterprise, currentUser.Name, methods);
            return View("Edit", WalkInAware(await FormAsync(input, enterprise, null, quote, recipientsText), walkInAction));
        }

        var request = await booking.SaveDraftAsync(draft, input, enterprise, currentUser.Name, methods);
        if (command == "submit")
        {
            var quote = await booking.SubmitAsync(request, enterprise);
            if (walkInAction is not null)
            {
                TempData["Message"] = l["Booking.WalkInSubmitted", request.Number!, enterprise.Name].Value;
                return Redirect("/scan?mode=Receive");
            }
            TempData["Message"] = l["Booking.Submitted", request.Number!, Lang.Date(quote.DueDate)].Value;
            return Redirect($"/requests/{request.Number}");
        }
        TempData["Message"] = l[saveOnly ? "Booking.DraftSaved" : "Booking.QuoteReady"].Value;
        return Redirect($"/requests/draft/{request.Id}");
    }

    private static Models.Requests.BookingFormVm WalkInAware(Models.Requests.BookingFormVm vm, string? walkInAction) =>
        walkInAction is null ? vm : vm with { FormAction = walkInAction, WalkIn = true };

    private void AddErrors(IEnumerable<BookingError> errors)
    {
        foreach (var e in errors)
            ModelState.AddModelError(FormKey(e.Path), l[e.Key, e.Args].Value);
    }

    /// <summary>samples[0].quantity → Samples[0].Quantity, the names the form's fields carry.</summary>
    public static string FormKey(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private async Task<Enterprise?> EnterpriseAsync()
    {
        var id = await currentUser.EnterpriseIdAsync();
        return id is { } e ? await db.Enterprises.Include(x => x.Contacts).SingleOrDefaultAsync(x => x.Id == e && x.Status == EnterpriseStatus.Approved) : null;
    }

    private Task<TestRequest?> LoadDraftAsync(int id, int enterpriseId) =>
        db.TestRequests.Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.EnterpriseId == enterpriseId && r.Status == RequestStatus.Draft);

    private static BookingInput ToInput(TestRequest r) => new()
    {
        DecisionRule = r.DecisionRule,
        Urgency = r.Urgency,
        ReportLanguage = r.ReportLanguage,
        SampleDisposal = r.SampleDisposal,
        SubcontractingAllowed = r.SubcontractingAllowed,
        Notes = r.Notes,
        ProducerName = r.ProducerName,
        ProducerAddress = r.ProducerAddress,
        ReportRecipients = r.ReportRecipients.ToList(),
        Samples = r.Samples.Select(s => new SampleInput
        {
            Name = s.Name, Model = s.Model, Brand = s.Brand, Batch = s.Batch, Quantity = s.Quantity, Description = s.Description,
            Methods = s.CurrentAnalyses.Select(a => a.MethodCode).ToList(),
        }).ToList(),
    };

    private async Task<Models.Requests.BookingFormVm> FormAsync(BookingInput input, Enterprise enterprise, int? draftId, Quote? quote,
        string? recipients, int? focusSample = null)
    {
        var families = await db.ProductFamilies.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync();
        var methods = await db.TestMethods.AsNoTracking().Include(m => m.Family).Where(m => m.Active)
            .OrderBy(m => m.Family!.SortOrder).ThenBy(m => m.Code).ToListAsync();
        if (input.Samples.Count == 0) input.Samples.Add(new SampleInput());
        return new Models.Requests.BookingFormVm(input, draftId, enterprise.Name, families, methods, quote, recipients ?? "",
            booking.Terms, focusSample);
    }
}
