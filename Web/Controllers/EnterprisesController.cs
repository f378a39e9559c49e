using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Enterprises;
using Web.Infrastructure;
using Web.Models.Enterprises;

namespace Web.Controllers;

/// <summary>Enterprises that signed up, for reception to approve or reject (企业审核).</summary>
[Authorize(Roles = Roles.Reception + "," + Roles.Admin)]
[Route("enterprises")]
public class EnterprisesController(EnterpriseApprovals approvals, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await approvals.ListAsync());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id) =>
        await approvals.DetailsAsync(id) is { } vm ? View(vm) : NotFound();

    [HttpPost("{id:int}/approve"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Approve(int id)
    {
        var enterprise = await approvals.ApproveAsync(id, currentUser.Name);
        if (enterprise is null) return NotFound();
        TempData["Message"] = l["Enterprises.ApprovedMessage", enterprise.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/reject"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Reject(int id, [Bind(Prefix = "Reject")] RejectInput input)
    {
        if (!ModelState.IsValid)
            return await approvals.DetailsAsync(id, input) is { } vm ? View(nameof(Details), vm) : NotFound();
        var enterprise = await approvals.RejectAsync(id, input.Reason, currentUser.Name);
        if (enterprise is null) return NotFound();
        TempData["Message"] = l["Enterprises.RejectedMessage", enterprise.Name].Value;
        return RedirectToAction(nameof(Index));
    }
}
