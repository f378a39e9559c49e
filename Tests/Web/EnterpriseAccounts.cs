using System.Net;
using System.Text.RegularExpressions;
using Lab.Data;
using Lab.Data.Seed;
using Lab.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tests.Infrastructure;

namespace Tests.Web;

/// <summary>An enterprise that signed up in a test: what was typed, for signing in and finding its emails.</summary>
public sealed record Applicant(string Company, string CreditCode, string Email, string Password, string ContactName);

/// <summary>
/// Sign-up, approval and form posts over real HTTP, the way the pages do them, for the account tests. Every test makes
/// its own enterprise (a fresh credit code and email), so tests never see each other's data.
/// </summary>
public static partial class EnterpriseAccounts
{
    public const string Password = "Factory#2026a";
    public const string Reception = "reception@lablims.test";

    /// <summary>A valid unified social credit code nobody has registered: 17 random characters and their check character.</summary>
    public static string NewCreditCode()
    {
        var first17 = new string(Enumerable.Range(0, 17).Select(_ => CreditCode.Alphabet[Random.Shared.Next(CreditCode.Alphabet.Length)]).ToArray());
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>The same code with a different (wrong) check character.</summary>
    public static string WithWrongCheckCharacter(string code)
    {
        var wrong = CreditCode.Alphabet.First(c => c != code[17]);
        return code[..17] + wrong;
    }

    public static string NewEmail(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 13)] + "@factory.test";

    public static Applicant NewApplicant(string purpose = "applicant")
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        return new Applicant($"晋江测试{tag}鞋服有限公司", NewCreditCode(), NewEmail(purpose), Password, $"联系人{tag}");
    }

    public static Dictionary<string, string> SignUpFields(Applicant a) => new()
    {
        ["CompanyName"] = a.Company,
        ["CreditCode"] = a.CreditCode,
        ["Address"] = "福建省泉州市晋江市测试大道 1 号",
        ["ContactName"] = a.ContactName,
        ["Phone"] = "0595-8500 1234",
        ["Email"] = a.Email,
        ["Password"] = a.Password,
        ["ConfirmPassword"] = a.Password,
    };

    /// <summary>
    /// GETs the page that holds the form, then POSTs the fields to <paramref name="action"/> with the antiforgery token
    /// of that form (so a form that forgot its token fails here as in a browser). A page without such a form (a
    /// forged post) lends any token it has.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var form = Form().Matches(html).FirstOrDefault(f => WebUtility.HtmlDecode(f.Groups["action"].Value) == action);
        var token = LabAppFactory.AntiforgeryToken(form?.Value ?? html)
            ?? throw new InvalidOperationException($"{page} has no antiforgery token (in its form to {action}).");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(action, content);
    }

    public static Task<HttpResponseMessage> PostSignUpAsync(HttpClient client, IDictionary<string, string> fields) =>
        PostFormAsync(client, "/signup", "/signup", fields);

    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Signs up through the page (in the client's language) and checks it landed on the waiting page.</summary>
    public static async Task<Applicant> SignUpAsync(AppFixture fixture, Applicant? applicant = null, string? acceptLanguage = null)
    {
        var a = applicant ?? NewApplicant();
        using var client = fixture.App.CreateHttpClient();
        if (acceptLanguage is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await PostSignUpAsync(client, SignUpFields(a));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/signup/waiting", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return a;
    }

    public static async Task<Enterprise> EnterpriseAsync(AppFixture fixture, string creditCode)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabDbContext>();
        var code = CreditCode.Parse(creditCode);
        return await db.Enterprises.AsNoTracking().Include(e => e.Contacts).SingleAsync(e => e.CreditCode == code);
    }

    /// <summary>Reception approves the enterprise at /enterprises, as on the page.</summary>
    public static async Task ApproveAsync(AppFixture fixture, string creditCode)
    {
        var id = (await EnterpriseAsync(fixture, creditCode)).Id;
        using var reception = await fixture.App.CreateClientFor(Reception, DemoData.Password);
        using var response = await PostFormAsync(reception, $"/enterprises/{id}", $"/enterprises/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EnterpriseStatus.Approved, (await EnterpriseAsync(fixture, creditCode)).Status);
    }

    /// <summary>A signed-up and approved enterprise, and its first user signed in.</summary>
    public static async Task<(Applicant Applicant, HttpClient Client)> ApprovedClientAsync(AppFixture fixture, string purpose = "client",
        string? acceptLanguage = null)
    {
        var a = await SignUpAsync(fixture, NewApplicant(purpose), acceptLanguage);
        await ApproveAsync(fixture, a.CreditCode);
        return (a, await fixture.App.CreateClientFor(a.Email, a.Password));
    }

    /// <summary>Waits for the email to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static Task<MimeMessage> EmailAsync(AppFixture fixture, string to, string subject) =>
        fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, to, StringComparison.OrdinalIgnoreCase))
            && m.Subject?.Contains(subject, StringComparison.Ordinal) == true);

    /// <summary>The path and query of the first link in an email's text that goes to <paramref name="path"/>.</summary>
    public static string LinkTo(MimeMessage email, string path)
    {
        var match = Link().Matches(email.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in: {email.TextBody}");
        return match.PathAndQuery;
    }

    [GeneratedRegex("""<form\b[^>]*\baction="(?<action>[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
