using Lab.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Api;

namespace Web.Controllers.Api;

/// <summary>GET /api/v1/methods: the active catalog, for an enterprise's ERP to map its tests to our codes.</summary>
[ApiController]
[Route("api/v1/methods")]
[Authorize(Policy = ApiKeyDefaults.EnterprisePolicy)]
public sealed class MethodsApiController(LabDbContext db) : ControllerBase
{
    [HttpGet("")]
    public async Task<IReadOnlyList<ApiMethod>> List()
    {
        var methods = await db.TestMethods.AsNoTracking().Include(m => m.Family).Where(m => m.Active)
            .OrderBy(m => m.Family!.SortOrder).ThenBy(m => m.Code).ToListAsync(HttpContext.RequestAborted);
        return methods.Select(ApiMethod.From).ToList();
    }
}
