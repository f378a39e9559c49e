using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Web.Email;

public sealed record ComposedEmail(string Culture, string Subject, string Html, string Text);

/// <summary>
/// Builds an email in one language (the recipient's or the request's, not the current page's) from resource
/// strings: a heading, paragraphs, an optional table and a link, in a plain layout mail clients render well.
/// </summary>
public sealed class EmailComposer(IStringLocalizer<SharedResource> localizer)
{
    public EmailBuilder In(string culture) => new(localizer, culture is "en" or "en-US" ? "en" : "zh-CN");
}

public sealed class EmailBuilder(IStringLocalizer localizer, string culture)
{
    private readonly List<(string Kind, string[] Cells)> _blocks = [];
    private string _subject = "";

    public string Culture => culture;

    /// <summary>A resource string in the email's language.</summary>
    public string T(string key, params object[] args)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return localizer[key, args].Value; }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    public EmailBuilder Subject(string text) { _subject = text; return this; }
    public EmailBuilder Heading(string text) { _blocks.Add(("h", [text])); return this; }
    public EmailBuilder Paragraph(string text) { _blocks.Add(("p", [text])); return this; }
    public EmailBuilder Row(params string[] cells) { _blocks.Add(("tr", cells)); return this; }
    public EmailBuilder Link(string text, string url) { _blocks.Add(("a", [text, url])); return this; }
    public EmailBuilder Steps(params string[] steps) { _blocks.Add(("ol", steps)); return this; }

    public ComposedEmail Build()
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(culture).Append("\"><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"font-family:'PingFang SC','Microsoft YaHei',Arial,sans-serif;color:#1f2933;line-height:1.6;max-width:680px;margin:0 auto;padding:16px\">")
            .Append("<div style=\"border-bottom:3px solid #0b5394;padding-bottom:8px;margin-bottom:16px;font-weight:bold;color:#0b5394\">")
            .Append(E(T("App.Lab"))).Append("</div>");
        var inTable = false;
        foreach (var (kind, cells) in _blocks)
        {
            if (kind != "tr" && inTable) { html.Append("</table>"); inTable = false; text.AppendLine(); }
            switch (kind)
            {
                case "h":
                    html.Append("<h2 style=\"font-size:18px\">").Append(E(cells[0])).Append("</h2>");
                    text.AppendLine(cells[0]).AppendLine(new string('=', Math.Min(60, cells[0].Length * 2))).AppendLine();
                    break;
                case "p":
                    html.Append("<p>").Append(E(cells[0])).Append("</p>");
                    text.AppendLine(cells[0]).AppendLine();
                    break;
                case "tr":
                    if (!inTable) { html.Append("<table style=\"border-collapse:collapse;width:100%;margin:8px 0 16px\">"); inTable = true; }
                    html.Append("<tr>");
                    foreach (var c in cells) html.Append("<td style=\"border:1px solid #d0d7de;padding:4px 8px\">").Append(E(c)).Append("</td>");
                    html.Append("</tr>");
                    text.AppendLine(string.Join(" | ", cells));
                    break;
                case "a":
                    html.Append("<p><a href=\"").Append(E(cells[1])).Append("\" style=\"display:inline-block;background:#0b5394;color:#fff;padding:8px 16px;border-radius:4px;text-decoration:none\">")
                        .Append(E(cells[0])).Append("</a></p>");
                    text.AppendLine($"{cells[0]}: {cells[1]}").AppendLine();
                    break;
                case "ol":
                    html.Append("<ol>");
                    foreach (var c in cells) html.Append("<li>").Append(E(c)).Append("</li>");
                    html.Append("</ol>");
                    for (var i = 0; i < cells.Length; i++) text.AppendLine($"{i + 1}. {cells[i]}");
                    text.AppendLine();
                    break;
            }
        }
        if (inTable) html.Append("</table>");
        var footer = T("Email.Footer");
        html.Append("<p style=\"color:#52606d;font-size:12px;border-top:1px solid #d0d7de;margin-top:24px;padding-top:8px\">").Append(E(footer)).Append("</p></body></html>");
        text.AppendLine("--").AppendLine(footer);
        return new ComposedEmail(culture, _subject, html.ToString(), text.ToString());
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
