namespace Lab.Domain.Common;

/// <summary>
/// An illegal move in the lab's workflow (receiving a sample twice, verifying one's own result...).
/// <see cref="Code"/> is a stable key the web layer turns into a message in the user's language.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
