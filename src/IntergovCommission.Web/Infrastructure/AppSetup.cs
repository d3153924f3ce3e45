using System.Globalization;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Postgres;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Npgsql;
using Serilog;

namespace IntergovCommission.Web.Infrastructure;

/// <summary>Service registration and the HTTP pipeline, in one place.</summary>
public static class AppSetup
{
    public const string ConnectionStringName = "Commission";

    public static async Task AddIntergovCommissionAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        Log.Logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(Log.Logger, dispose: false);

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        LocalPostgres? local = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = configuration["LocalPostgres:DataDirectory"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(builder.Environment.ContentRootPath, ".pgdata", "cluster");
            local = await LocalPostgres.StartAsync(dataDirectory, message => Log.Information("{Message}", message));
            await local.EnsureDatabaseAsync("intergov");
            connectionString = local.ConnectionString("intergov");
            configuration["Demo:Seed"] ??= "true";
        }

        var services = builder.Services;
        services.AddSingleton(new DatabaseOptions(connectionString, local));
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<CommissionDbContext>(options => options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)));
        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddScoped<IAuditContext, HttpAuditContext>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<SignInAudit>();
        services.AddUseCases(typeof(AppSetup).Assembly);

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CommissionDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<Features.Account.LocalizedIdentityErrorDescriber>();
        // A disabled sign-in, a password reset or a changed second factor ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Error/403";
            options.Cookie.Name = "intergov.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "intergov.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = JsonStringLocalizer.Cultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(JsonStringLocalizer.Fallback);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Language");
                options.Conventions.AddPageRoute("/Error", "/Error/{code:int}");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<UseCaseExceptionFilter>();
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
    }

    public static async Task UseIntergovCommissionAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Local is { } local)
        {
            app.Lifetime.ApplicationStopped.Register(() => local.StopAsync().GetAwaiter().GetResult());
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(database.ConnectionString);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            await seeder.EnsureReferenceDataAsync();
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                await seeder.SeedDemoAsync();
            }
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Log.Information("IntergovCommission is listening on {Urls}", urls);
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                Log.Information("Demo sign-ins (password {Password}): {Users}", DemoDataSeeder.DemoPassword, string.Join(", ", DemoDataSeeder.DemoUserNames));
            }
        });
    }
}

/// <summary>The database the app uses, and the private cluster when it started one.</summary>
public sealed record DatabaseOptions(string ConnectionString, LocalPostgres? Local);

/// <summary>/health/ready: the database answers and every migration is applied.</summary>
public sealed class DatabaseReadyCheck(DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await DatabaseMigrator.IsUpToDateAsync(connection, cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy("Migrations are not applied.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
