using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Web.Enterprises;
using Web.Models.Enterprises;

namespace Web.Controllers;

/// <summary>A manufacturer opens an enterprise account; the lab approves it before anyone can sign in.</summary>
[AllowAnonymous]
[Route("signup")]
public class SignUpController(SignUpService signUp) : Controller
{
    [HttpGet("")]
    public IActionResult Index() =>
        User.Identity?.IsAuthenticated == true ? RedirectToAction("Index", "Home") : View(new SignUpInput());

    [HttpPost(""), ValidateAntiForgeryToken]
    public async Task<IActionResult> Index(SignUpInput input)
    {
        if (User.Identity?.IsAuthenticated == true) return RedirectToAction("Index", "Home");
        if (ModelState.IsValid)
        {
            var result = await signUp.SignUpAsync(input, CultureInfo.CurrentUICulture.Name);
            if (result.Succeeded)
            {
                TempData["SignUpEmail"] = result.Applicant!.Email;
                return RedirectToAction(nameof(Waiting));
            }
            AddErrors(result.Errors);
        }
        else
        {
            // Say everything that is wrong at once, not one field per attempt.
            var reported = ModelState.Where(kv => kv.Value?.Errors.Count > 0).Select(kv => kv.Key).ToHashSet();
            AddErrors(await signUp.ValidateAsync(input, reported));
        }
        return View(input);
    }

    // A field shows one message: several (the password rules) are joined into it.
    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var field in errors.GroupBy(e => e.Field))
            ModelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Message)));
    }

    [HttpGet("waiting")]
    public IActionResult Waiting() => View(model: TempData["SignUpEmail"] as string);
}
