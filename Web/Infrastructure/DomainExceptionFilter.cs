using Lab.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Web.Infrastructure;

/// <summary>
/// Turns an illegal move in the lab's workflow into a clear message in the user's language: a 409 with
/// ProblemDetails on the API, otherwise the message shown on the page the user came from. Never a stack trace.
/// </summary>
public sealed class DomainExceptionFilter(IStringLocalizer<SharedResource> localizer, ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        var ex = context.Exception switch
        {
            DomainException d => d,
            // Two people changed the same thing at once: the second is told, nothing is half-saved.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new DomainException("concurrent-change", "Someone else changed this a moment ago; reload and try again."),
            _ => null,
        };
        if (ex is null) return;
        if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            // The title in the caller's language: the rule's own message where it has one, else a general one. The
            // detail is always the domain's reason, naming the item and its state ("Cannot receive sample
            // S2026-000007-3: it is Received."), so a device can show exactly what was refused.
            var rule = localizer["Rule." + ex.Code];
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = rule.ResourceNotFound ? localizer["Api.Conflict"] : rule.Value,
                Detail = ex.Message,
                Type = "https://lablims.local/problems/" + ex.Code,
            };
            problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status409Conflict, ContentTypes = { Web.Api.ApiProblems.ContentType } };
        }
        else
        {
            tempData.GetTempData(context.HttpContext)["Error"] = Message(localizer, ex);
            var referer = context.HttpContext.Request.Headers.Referer.ToString();
            context.Result = Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == context.HttpContext.Request.Host.Host
                ? new RedirectResult(uri.PathAndQuery)
                : new RedirectToActionResult("Index", "Home", null);
        }
        context.ExceptionHandled = true;
    }

    /// <summary>The message for a domain rule in the current language, falling back to the rule's own English text.</summary>
    public static string Message(IStringLocalizer localizer, DomainException ex)
    {
        var localized = localizer["Rule." + ex.Code];
        return localized.ResourceNotFound ? ex.Message : localized.Value;
    }
}
