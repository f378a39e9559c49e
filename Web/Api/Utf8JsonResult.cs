using Microsoft.AspNetCore.Mvc;

namespace Web.Api;

/// <summary>
/// 200 with JSON already written (UTF-8 bytes serialized once with MVC's own options, see <see cref="SampleStateCache"/>):
/// the same body and Content-Type as <c>Ok(value)</c>, without serializing it again for every request.
/// </summary>
public sealed class Utf8JsonResult(byte[] json) : IActionResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext, json);

    public static Task WriteAsync(HttpContext context, byte[] json)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }
}
