using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Web.Api;

/// <summary>
/// The API answers every error with ProblemDetails JSON (RFC 9457), never the app's HTML status pages: an ERP
/// reads the status and the title, a person reads the title.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>As MVC writes JSON: camelCase, Chinese as characters rather than \u escapes (it is never HTML).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static async Task WriteAsync(HttpContext context, int status, string title)
    {
        if (context.Response.HasStarted) return;
        var problem = new ProblemDetails { Status = status, Title = title, Type = TypeFor(status) };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(problem, Json), context.RequestAborted);
    }

    public static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        _ => "https://tools.ietf.org/html/rfc9110#section-15",
    };

    /// <summary>
    /// Under /api: the HTML status pages stay out, and an error answered without a body (no such route, wrong
    /// HTTP method) gets a ProblemDetails body. Register right after the status-pages middleware.
    /// </summary>
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // An ERP gets JSON even from a bug; the details go to the log, not to the caller.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Web.Api")
                .LogError(ex, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            var l500 = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await WriteAsync(context, StatusCodes.Status500InternalServerError, l500["Api.ServerError"]);
            return;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var title = response.StatusCode switch
            {
                404 => l["Api.NotFound"].Value,
                405 => l["Api.MethodNotAllowed"].Value,
                _ => l["Api.Error"].Value,
            };
            await WriteAsync(context, response.StatusCode, title);
        }
    });
}
