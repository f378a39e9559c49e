using Lab.Data;
using Lab.Data.ApiKeys;
using Lab.Domain.Numbering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Localization;
using Web.Samples;

namespace Web.Api;

/// <summary>
/// GET /api/v1/samples/{barcode}: a sample's (or specimen's) state for any key that may see it. Scan stations ask it
/// all day, so it is a plain endpoint rather than an MVC action (MVC's invoker, filters and model binding were a third
/// of the request's CPU once the state came from memory, bench/ scan), and the state's JSON comes from
/// <see cref="SampleStateCache"/>. What a caller sees is what the MVC action answered: the same JSON bytes, the same
/// ProblemDetails (built by <see cref="ScanRefusals"/> and written by MVC's own result executor), the same key policy.
/// An enterprise key sees only its own samples; another's answers 404 like a code that does not exist.
/// </summary>
public static class SampleStateEndpoint
{
    public const string Pattern = "/api/v1/samples/{barcode}";

    public static IEndpointConventionBuilder MapSampleState(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Pattern, (RequestDelegate)HandleAsync)
            .RequireAuthorization(ApiKeyDefaults.AnyKeyPolicy);

    private static async Task HandleAsync(HttpContext http)
    {
        // A blank code is "not a lab code" (422) like any other, not a 400.
        var barcode = http.GetRouteValue("barcode") as string;
        if (barcode?.Trim() is { Length: > ScanJson.MaxCodeLength } tooLong)
        {
            await ExecuteAsync(http, Refusals(http).Unreadable(BarcodeProblem.NotABarcode, tooLong[..ScanJson.MaxCodeLength] + "…", "barcode"));
            return;
        }
        var reading = Numbers.ReadScan(barcode);
        if (reading is { IsValid: true, Kind: ScanKind.Sample or ScanKind.Specimen })
        {
            // The common case: from memory while the database has not changed, else one compiled, untracked query.
            var state = await http.RequestServices.GetRequiredService<SampleStateCache>()
                .FindAsync(() => http.RequestServices.GetRequiredService<LabDbContext>(), reading.Code!, reading.Kind.Value);
            // The owner check runs on every request, whether the state came from memory or not.
            var user = http.User;
            if (state is null || user.FindFirst(ApiKeyDefaults.KindClaim)?.Value == nameof(ApiKeyKind.Enterprise) && state.EnterpriseId != user.EnterpriseId())
                await ExecuteAsync(http, Refusals(http).NotFound());
            else
                await Utf8JsonResult.WriteAsync(http, state.Json);
            return;
        }
        // Not a sample's code (unreadable, a wrong check character, a location): refused as a scan refuses it.
        var found = await http.RequestServices.GetRequiredService<ScanService>().FindAsync(barcode);
        await ExecuteAsync(http, Refusals(http).Refused(found, "barcode")
            ?? throw new InvalidOperationException($"{barcode} was read as a sample's code."));
    }

    private static ScanRefusals Refusals(HttpContext http) => new(http, http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());

    /// <summary>Writes a ProblemDetails result as an MVC action's would be: content negotiation, MVC's JSON options.</summary>
    private static Task ExecuteAsync(HttpContext http, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
}
