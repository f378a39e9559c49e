namespace Lab.Data.Outbox;

public enum EmailStatus { Queued, Sent, Failed }

/// <summary>
/// One email to one recipient, stored before it is sent: the send job takes its id, so a retry never sends it
/// twice and every delivery (the server's reply, or why it failed) stays visible.
/// </summary>
public class OutgoingEmail
{
    public int Id { get; set; }
    /// <summary>What the email is for (request-submitted, enterprise-approved...), for lists and tests.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>The request, report or enterprise it is about, as people know it (WT2026-00042).</summary>
    public string? Reference { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    /// <summary>Files to attach, relative to the data folder's files/ (one per line).</summary>
    public string? Attachments { get; set; }
    public string Culture { get; set; } = "zh-CN";
    public EmailStatus Status { get; set; } = EmailStatus.Queued;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? ServerResponse { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
