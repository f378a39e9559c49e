using Lab.Data;
using Microsoft.EntityFrameworkCore;

namespace Web.Infrastructure;

/// <summary>
/// Records keep who did something by their sign-in email (stable, unique); pages show the person's name.
/// One query per page request, however many names it shows.
/// </summary>
public sealed class PeopleDirectory(LabDbContext db)
{
    private Dictionary<string, string>? _names;

    public async Task<Func<string?, string>> NamerAsync()
    {
        _names ??= await db.Users.AsNoTracking().Where(u => u.Email != null)
            .ToDictionaryAsync(u => u.Email!, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, StringComparer.OrdinalIgnoreCase);
        var names = _names;
        return email => email is null ? "" : names.TryGetValue(email, out var name) ? name : email;
    }
}
