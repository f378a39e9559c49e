using Lab.Data;
using Lab.Data.Identity;
using Lab.Domain.Enterprises;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Web.Models.Work;

namespace Web.Controllers;

/// <summary>Administration overview: accounts with their roles, and enterprises with their approval state.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin")]
public class AdminController(LabDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync();
        var enterprises = await db.Enterprises.AsNoTracking().Include(e => e.Contacts).OrderBy(e => e.Name).ToListAsync();
        var names = enterprises.ToDictionary(e => e.Id, e => e.Name);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        return View(new AdminVm(
            users.Select(u => new UserRowVm(u.Email ?? "", u.DisplayName,
                roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
                u.EnterpriseId is { } id ? names.GetValueOrDefault(id) : null,
                u.LockoutEnd > DateTimeOffset.UtcNow)).ToList(),
            enterprises.Select(e => new EnterpriseRowVm(e.Name, e.CreditCode.Value, e.Status, e.RegisteredAt,
                e.Contacts.Count)).ToList()));
    }
}
