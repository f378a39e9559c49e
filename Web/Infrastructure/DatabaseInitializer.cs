using Lab.Data;
using Lab.Data.Identity;
using Lab.Data.Numbering;
using Lab.Data.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Web.Infrastructure;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the database to the current schema (real migrations), then seeds what every lab needs (roles,
    /// catalog, instruments), the first administrator from configuration, and demo data where wanted.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, IHostEnvironment env, ILogger logger)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LabDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var options = sp.GetRequiredService<IOptions<LabOptions>>().Value;

        await db.Database.MigrateAsync();
        // WAL lets readers go on while one request writes: pages stay instant during bookings.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        await ReferenceData.SeedAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        var users = sp.GetRequiredService<UserManager<LabUser>>();
        var admin = sp.GetRequiredService<IOptions<BootstrapAdminOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(admin.Email) && !string.IsNullOrWhiteSpace(admin.Password))
        {
            var user = await DemoData.EnsureUserAsync(users,
                new DemoUser(Roles.Admin, admin.Email, admin.Password, admin.DisplayName), null, clock.GetUtcNow().UtcDateTime);
            if (!await users.IsInRoleAsync(user, Roles.Admin)) await users.AddToRoleAsync(user, Roles.Admin);
        }
        else if (!env.IsDevelopment() && !(await users.GetUsersInRoleAsync(Roles.Admin)).Any())
        {
            logger.LogWarning("No administrator exists: set Admin:Email and Admin:Password to create the first one.");
        }

        if (env.IsDevelopment() || options.DemoData)
        {
            await DemoData.SeedAsync(db, users, sp.GetRequiredService<NumberAllocator>(), clock);
            await DemoPipeline.RunAsync(services, logger);
            logger.LogInformation("Demo data is in place (users are listed in the README).");
        }
    }
}
