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
        if (context.Exception is not DomainException ex) return;
        var message = Message(localizer, ex);
        if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = message,
                Type = "https://lablims.local/problems/" + ex.Code,
            }) { StatusCode = StatusCodes.Status409Conflict };
        }
        else
        {
            tempData.GetTempData(context.HttpContext)["Error"] = message;
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
