using System.Security.Claims;
using System.Text.Encodings.Web;
using Lab.Data;
using Lab.Data.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Web.Api;

/// <summary>Names of the API's authentication: the scheme, the header, the claims it issues and the policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KindClaim = "lablims:api-key-kind";
    public const string EnterpriseClaim = "lablims:enterprise";
    /// <summary>Any active key (enterprise, station or instrument).</summary>
    public const string AnyKeyPolicy = "ApiKey";
    /// <summary>An active enterprise key: the endpoints that act for an enterprise (its ERP).</summary>
    public const string EnterprisePolicy = "ApiEnterprise";
    /// <summary>An active station key: the lab's scan stations and devices (the scanner API's actions).</summary>
    public const string StationPolicy = "ApiStation";

    /// <summary>A key is never longer than this; anything longer is refused before it is hashed.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>LastUsedAt is written at most this often per key, so a busy ERP does not cost a write per call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly HashSet<string> KeyPolicies = [AnyKeyPolicy, EnterprisePolicy, StationPolicy];

    /// <summary>
    /// Whether the endpoint admits API keys only: every [Authorize] on it names one of the key policies, each of which
    /// authenticates the X-Api-Key scheme itself and replaces whatever principal the cookie gave (ASP.NET Core's
    /// PolicyEvaluator), and nothing on it allows anonymous callers. For such an endpoint reading the sign-in cookie
    /// first is work thrown away.
    /// </summary>
    public static bool AdmitsKeysOnly(Endpoint? endpoint)
    {
        if (endpoint is null || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null) return false;
        var authorize = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>();
        if (authorize.Count == 0) return false;
        foreach (var data in authorize)
            if (data.Policy is not { } policy || !KeyPolicies.Contains(policy) || data.Roles is not null || data.AuthenticationSchemes is not null)
                return false;
        return true;
    }

    public static int? EnterpriseId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(EnterpriseClaim), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static int? ApiKeyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// The "ApiKey" scheme: the caller sends its key in X-Api-Key; only the key's SHA-256 is stored, so the lookup is by
/// hash. A missing, unknown or revoked key answers 401 with ProblemDetails; a key of the wrong kind 403. Used only
/// by the /api/v1 controllers: pages keep the cookie scheme as the default. An active key is remembered for a few
/// seconds (<see cref="ApiKeyCache"/>), so a scan station's every request is not a database query; revoking forgets it.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, ApiKeyCache keys, Web.Enterprises.EnterpriseAccess enterprises)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // Asked for only when the database is needed (a key not in memory, LastUsedAt due): most requests never rent a context.
    private LabDbContext Db => Context.RequestServices.GetRequiredService<LabDbContext>();

    // Only a refusal speaks: not made for every request.
    private IStringLocalizer<SharedResource> L => Context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values)) return AuthenticateResult.NoResult();
        var presented = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(presented) || presented.Length > ApiKeyDefaults.MaxKeyLength)
            return AuthenticateResult.Fail("The API key is malformed.");

        var hash = ApiKey.HashOf(presented);
        if (keys.Find(hash) is not { } key)
        {
            var generation = keys.Generation;
            var row = await Db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
            if (row is null || !row.IsActive) return AuthenticateResult.Fail("The API key is unknown or revoked.");
            if (row.Kind == ApiKeyKind.Enterprise && row.EnterpriseId is null)
                return AuthenticateResult.Fail("The enterprise key has no enterprise.");
            key = keys.Remember(hash, row, generation);
        }

        // A suspended enterprise's keys are refused (401, saying so) until the lab reinstates it.
        if (key.EnterpriseId is { } enterprise && !await enterprises.IsApprovedAsync(enterprise, () => Db, Context.RequestAborted))
            return AuthenticateResult.Fail(new EnterpriseNotApprovedException());

        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is not { } last || now - last >= ApiKeyDefaults.LastUsedResolution)
        {
            key.LastUsedAt = now;
            await Db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(key.Claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.Header}\"";
        var title = result.Failure switch
        {
            null => L["Api.Unauthorized.Missing"],
            EnterpriseNotApprovedException => L["Api.Unauthorized.Suspended"],
            _ => L["Api.Unauthorized.Invalid"],
        };
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, title);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // Say which kind of key the endpoint wants: the station endpoints refuse enterprise keys, and the other way round.
        var stationOnly = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Any(a => a.Policy == ApiKeyDefaults.StationPolicy) == true;
        return ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, L[stationOnly ? "Api.Forbidden.Station" : "Api.Forbidden"]);
    }
}

/// <summary>The key is active but its enterprise is not approved (suspended): not a key problem, so said apart.</summary>
public sealed class EnterpriseNotApprovedException() : Exception("The enterprise of this API key is not approved (suspended).");

public static class ApiKeyAuthenticationExtensions
{
    /// <summary>Adds the "ApiKey" scheme beside Identity's cookie (which stays the default) and the API's policies.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AnyKeyPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser())
            .AddPolicy(ApiKeyDefaults.EnterprisePolicy, p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.KindClaim, nameof(ApiKeyKind.Enterprise))
                .RequireClaim(ApiKeyDefaults.EnterpriseClaim))
            .AddPolicy(ApiKeyDefaults.StationPolicy, p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.KindClaim, nameof(ApiKeyKind.Station)));
        return services;
    }
}
