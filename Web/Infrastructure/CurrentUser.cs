using System.Security.Claims;
using Lab.Data;
using Lab.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Web.Infrastructure;

/// <summary>Who is asking: their email (the name recorded on results and receipts) and, for a client, their enterprise.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, LabDbContext db)
{
    private LabUser? _user;
    private bool _loaded;

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public bool IsClient => Principal.IsInRole(Roles.Client);
    public bool IsStaff => Roles.Staff.Any(Principal.IsInRole);
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Name => Principal.Identity?.Name ?? "";

    public async Task<LabUser?> GetAsync()
    {
        if (_loaded) return _user;
        _loaded = true;
        _user = Id is { } id ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id) : null;
        return _user;
    }

    /// <summary>The enterprise whose data a client user may see; null for staff (and for anyone else).</summary>
    public async Task<int?> EnterpriseIdAsync() => IsClient ? (await GetAsync())?.EnterpriseId ?? -1 : null;
}
