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
        // Reinstating a suspended enterprise is for an administrator, as suspending it is.
        if (await approvals.DetailsAsync(id) is not { } details) return NotFound();
        if (details.IsSuspended && !currentUser.IsInRole(Roles.Admin)) return Forbid();
        var enterprise = await approvals.ApproveAsync(id, currentUser.Name);
        if (enterprise is null) return NotFound();
        TempData["Message"] = details.IsSuspended
            ? l["Enterprises.ReinstatedMessage", enterprise.Name].Value
            : l["Enterprises.ApprovedMessage", enterprise.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/suspend"), ValidateAntiForgeryToken]
    [Authorize(Roles = Roles.Admin)]
    public async Task<IActionResult> Suspend(int id, [Bind(Prefix = "Suspend")] RejectInput input)
    {
        if (!ModelState.IsValid)
            return await approvals.DetailsAsync(id, suspend: input) is { } vm ? View(nameof(Details), vm) : NotFound();
        var enterprise = await approvals.SuspendAsync(id, input.Reason, currentUser.Name);
        if (enterprise is null) return NotFound();
        TempData["Message"] = l["Enterprises.SuspendedMessage", enterprise.Name].Value;
        return RedirectToAction(nameof(Details), new { id });
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
