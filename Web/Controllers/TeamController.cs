using Lab.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Web.Enterprises;
using Web.Infrastructure;
using Web.Models.Enterprises;

namespace Web.Controllers;

/// <summary>
/// A client's own enterprise: colleagues (invite by email) and contacts (who receives the reports). The enterprise
/// is always the caller's; there is no id in the URL to change, and another enterprise's contact id is a 404.
/// </summary>
[Authorize(Roles = Roles.Client)]
[Route("account/team")]
public class TeamController(TeamService team, CurrentUser currentUser, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await team.LoadAsync(await EnterpriseIdAsync(), currentUser.Id) is { } vm ? View(vm) : NotFound();

    [HttpPost("invite"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Invite([Bind(Prefix = "Invite")] InviteInput input)
    {
        var enterpriseId = await EnterpriseIdAsync();
        if (ModelState.IsValid)
        {
            var me = await currentUser.GetAsync();
            var errors = await team.InviteAsync(enterpriseId, input, me?.DisplayName is { Length: > 0 } name ? name : currentUser.Name);
            if (errors is null) return NotFound();
            if (errors.Count == 0)
            {
                TempData["Message"] = l["Team.Invited", input.Email.Trim()].Value;
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in errors) ModelState.AddModelError("Invite." + error.Field, error.Message);
        }
        return await team.LoadAsync(enterpriseId, currentUser.Id, invite: input) is { } vm ? View(nameof(Index), vm) : NotFound();
    }

    [HttpPost("contacts"), ValidateAntiForgeryToken]
    public async Task<IActionResult> AddContact([Bind(Prefix = "Contact")] ContactInput input)
    {
        var enterpriseId = await EnterpriseIdAsync();
        if (!ModelState.IsValid)
            return await team.LoadAsync(enterpriseId, currentUser.Id, contact: input) is { } vm ? View(nameof(Index), vm) : NotFound();
        if (!await team.AddContactAsync(enterpriseId, input)) return NotFound();
        TempData["Message"] = l["Recipients.Added", input.Email.Trim()].Value;
        return Redirect("/account/team#recipients");
    }

    [HttpPost("contacts/{contactId:int}/reports"), ValidateAntiForgeryToken]
    public async Task<IActionResult> SetReports(int contactId, bool receivesReports)
    {
        if (!await team.SetReportRecipientAsync(await EnterpriseIdAsync(), contactId, receivesReports)) return NotFound();
        TempData["Message"] = (receivesReports ? l["Recipients.On"] : l["Recipients.Off"]).Value;
        return Redirect("/account/team#recipients");
    }

    // A client without an enterprise (-1) finds nothing.
    private async Task<int> EnterpriseIdAsync() => await currentUser.EnterpriseIdAsync() ?? -1;
}
