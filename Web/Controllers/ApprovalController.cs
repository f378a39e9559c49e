using Hangfire;
using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Outbox;
using Lab.Domain.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Web.Email;
using Web.Infrastructure;
using Web.Models.Work;
using Web.Reports;

namespace Web.Controllers;

/// <summary>
/// The authorized signatory's queue and approval: a request whose results are all verified is approved with the
/// signatory's password (an electronic signature), which issues the report; an issued report can be amended.
/// The page also shows how the report's email went to each recipient.
/// </summary>
[Authorize(Roles = Roles.Signatory + "," + Roles.Admin)]
[Route("approval")]
public class ApprovalController(LabDbContext db, ReportIssuing issuing, UserManager<LabUser> users, PeopleDirectory people,
    IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await (from r in db.TestRequests.AsNoTracking()
                          join e in db.Enterprises on r.EnterpriseId equals e.Id
                          where r.Status == RequestStatus.Reviewing
                          orderby r.DueDate
                          select new ApprovalItemVm(r.Number!, e.Name, r.Samples.Count,
                              r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status == AnalysisStatus.Verified),
                              r.Samples.SelectMany(s => s.Analyses).Count(a => a.Status != AnalysisStatus.Retracted),
                              r.ReviewingAt, r.DueDate, r.ReportLanguage))
            .Take(500).ToListAsync();
        return View(rows);
    }

    [HttpGet("{number}")]
    public async Task<IActionResult> Details(string number)
    {
        var vm = await LoadAsync(number);
        return vm is null ? NotFound() : View(vm);
    }

    [HttpPost("{number}/approve"), ValidateAntiForgeryToken]
    [Authorize(Roles = Roles.Signatory)]
    public async Task<IActionResult> Approve(string number, string? password, bool confirm)
    {
        if (!confirm)
        {
            TempData["Error"] = L["Approval.ConfirmRequired"].Value;
            return RedirectToAction(nameof(Details), new { number });
        }
        var signatory = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var report = await issuing.ApproveAsync(number, signatory, password ?? "");
        TempData["Message"] = L["Approval.Issued", report.Number].Value;
        return RedirectToAction(nameof(Details), new { number });
    }

    [HttpPost("{number}/amend"), ValidateAntiForgeryToken]
    [Authorize(Roles = Roles.Signatory)]
    public async Task<IActionResult> Amend(string number, string? password, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            TempData["Error"] = L["Approval.AmendReasonRequired"].Value;
            return RedirectToAction(nameof(Details), new { number });
        }
        var signatory = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        await issuing.OpenAmendmentAsync(number, signatory, password ?? "", reason.Trim());
        TempData["Message"] = L["Approval.AmendmentOpened", number].Value;
        return RedirectToAction(nameof(Details), new { number });
    }

    private async Task<ApprovalDetailVm?> LoadAsync(string number)
    {
        var request = await db.TestRequests.AsNoTracking()
            .Include(r => r.Samples).ThenInclude(s => s.Analyses).ThenInclude(a => a.Method)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Number == number);
        if (request is null) return null;
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId);
        var name = await people.NamerAsync();
        var results = request.Samples.SelectMany(s => s.Analyses.Where(a => a.IsCurrent).Select(a => new ApprovalResultVm(
                s.Barcode ?? "", s.Name, a.MethodCode, a.Method?.NameZh ?? "", a.Method?.NameEn ?? "", a.Method?.Standard ?? "",
                a.Limit.Kind == Lab.Domain.Catalog.LimitKind.PassFail && a.Method is { } m ? Lang.Pick(m.RequirementZh, m.RequirementEn) : a.Limit.Describe(a.Unit),
                a.ResultText, a.Unit, a.Verdict, a.Status, name(a.ProducedBy), a.ProducedAt,
                name(a.VerifiedBy), a.VerifiedAt)))
            .ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.TestRequestId == request.Id).OrderByDescending(r => r.IssuedAt)
            .Select(r => new ApprovalReportVm(r.Number, r.Status, r.IssuedAt, r.ApprovedBy, r.PdfSha256,
                r.Supersedes != null ? r.Supersedes.Number : null, r.AmendmentReason, r.SupersededBy != null ? r.SupersededBy.Number : null))
            .ToListAsync();
        var numbers = reports.Select(r => r.Number).ToList();
        var deliveries = await db.OutgoingEmails.AsNoTracking()
            .Where(e => e.Purpose == ReportEmails.Purpose && e.Reference != null && numbers.Contains(e.Reference))
            .OrderByDescending(e => e.CreatedAt).ThenBy(e => e.To)
            .Select(e => new DeliveryVm(e.Id, e.To, e.Status, e.Attempts, e.ServerResponse, e.LastError, e.CreatedAt, e.SentAt, e.Reference))
            .ToListAsync();
        return new ApprovalDetailVm(request.Number!, request.Status, enterprise.Name, name(request.CreatedBy), request.ReportLanguage,
            request.DecisionRule, request.ReportRecipients.Count > 0 ? request.ReportRecipients : [request.CreatedBy], request.AmendmentReason,
            results, reports.Select(r => r with { ApprovedBy = name(r.ApprovedBy) }).ToList(), deliveries,
            request.IsReadyForApproval, User.IsInRole(Roles.Signatory));
    }
}
