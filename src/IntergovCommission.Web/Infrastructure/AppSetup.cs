using System.Globalization;
using System.Net;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Infrastructure.Api;
using IntergovCommission.Web.Infrastructure.Documents;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Postgres;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Npgsql;
using OpenTelemetry.Metrics;
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
            // Written by a background worker: a request does not wait for the console (issue #16).
            .WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {CorrelationId} {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture))
            .CreateLogger();
        builder.Logging.ClearProviders();
        // Serilog as the logger factory, with the diagnostic context its request logging uses.
        builder.Services.AddSerilog(Log.Logger, dispose: false);

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
            configuration["Demo:Sessions"] ??= "true";
            configuration["Demo:Council"] ??= "true";
        }

        var services = builder.Services;
        services.AddSingleton(new DatabaseOptions(connectionString, local));
        services.AddSingleton(TimeProvider.System);
        // A request's statements share one pooled connection without a DISCARD ALL between them (nothing
        // here sets session state: advisory locks are transaction-scoped); contexts are pooled (issue #16).
        var appConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        services.AddDbContextPool<CommissionDbContext>(options => CommissionDbContext.Configure(options, appConnectionString, retry: true), poolSize: 256);
        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddScoped<IAuditContext, HttpAuditContext>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<DemoSessionsSeeder>();
        services.AddScoped<DemoCouncilSeeder>();
        services.AddScoped<SignInAudit>();
        services.AddScoped<UnreadableInput>();
        services.Configure<SignInThrottleOptions>(configuration.GetSection("SignIn"));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(options => SignInThrottle.AddPolicy(options, configuration.GetSection("SignIn").Get<SignInThrottleOptions>() ?? new SignInThrottleOptions()));
        services.AddScoped<IntergovCommission.Web.Features.Notifications.Notifier>();
        services.AddScoped<CurrentZone>();
        services.Configure<IntergovCommission.Web.Features.Notifications.MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<IntergovCommission.Web.Features.Notifications.MailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Notifications.MailSender>());
        services.Configure<IntergovCommission.Web.Features.Notifications.ProposalDeadlineReminderOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<IntergovCommission.Web.Features.Notifications.ProposalDeadlineReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Notifications.ProposalDeadlineReminders>());
        services.Configure<IntergovCommission.Web.Features.Execution.AssignmentReminderOptions>(configuration.GetSection("Execution"));
        services.AddSingleton<IntergovCommission.Web.Features.Execution.AssignmentReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Execution.AssignmentReminders>());
        services.AddSingleton<IntergovCommission.Web.Features.Execution.ReportDateReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Execution.ReportDateReminders>());
        services.AddSingleton<IntergovCommission.Web.Features.Sessions.SessionFrequencyReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Sessions.SessionFrequencyReminders>());
        services.Configure<IntergovCommission.Web.Infrastructure.Files.FileStoreOptions>(configuration.GetSection("Materials"));
        services.AddScoped<IntergovCommission.Web.Infrastructure.Files.FileStore>();
        // KZRU-13: the request limits leave room above Materials:MaxFileBytes, so a too-big file
        // reaches the file store and gets the rule's message rather than a bare 413.
        var uploadRequestLimit = (configuration.GetValue<long?>("Materials:MaxFileBytes") ?? 50L * 1024 * 1024) * 2 + 1024 * 1024;
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = uploadRequestLimit);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = uploadRequestLimit);
        services.AddScoped<IntergovCommission.Web.Features.Live.ILiveBroadcast, IntergovCommission.Web.Hubs.LiveUpdates>();
        services.AddScoped<IntergovCommission.Web.Features.Decisions.ISignatureProvider, IntergovCommission.Web.Features.Decisions.PasswordOrAuthenticatorSignatureProvider>();
        services.AddScoped<IntergovCommission.Web.Features.Decisions.DecisionIssuer>();
        services.AddScoped<IntergovCommission.Web.Features.Decisions.IPublicAddress, IntergovCommission.Web.Infrastructure.Web.PublicAddress>();
        services.AddOfficialDocuments(configuration, local is null ? null : Path.GetDirectoryName(local.DataDirectory));
        services.AddAuditChain(configuration, local is null ? null : Path.GetDirectoryName(local.DataDirectory));
        services.AddSingleton<IntergovCommission.Web.Features.Search.MaterialTextBackfill>();
        services.AddHostedService(sp => sp.GetRequiredService<IntergovCommission.Web.Features.Search.MaterialTextBackfill>());
        services.AddScaleOut(configuration, services.AddSignalR(options => Microsoft.AspNetCore.SignalR.HubOptionsExtensions.AddFilter(options, new IntergovCommission.Web.Hubs.HubConnectionMetrics())));
        services.AddUseCases(typeof(AppSetup).Assembly);

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // Lock-out is for real guessing: SignInThrottle makes each attempt past the first few wait longer, so ten take minutes.
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
                // Each authenticator code is accepted once (sign-in, enabling, signing a decision).
                options.Tokens.AuthenticatorTokenProvider = Features.Account.OneTimeAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<CommissionDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Features.Account.OneTimeAuthenticatorTokenProvider>(Features.Account.OneTimeAuthenticatorTokenProvider.Name)
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
            ApiEndpoints.ApiAwareRedirects(options);
            // Signing in on the sign-in page, the cookie handler itself redirects to the ?ReturnUrl= it finds (decoded):
            // a non-ASCII character there cannot go into the Location header (it used to end in a 500).
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.Encode(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        services.AddIntegrationApi(configuration);
        // Kazakh and Russian text is written as characters, not as &#x…; entities (smaller, readable pages).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
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
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Language");
                options.Conventions.AllowAnonymousToPage("/Verify/Index"); // KZRU-18: anyone checks an issued decision from its QR code
                options.Conventions.AddPageRoute("/Error", "/Error/{code:int}");
                options.Conventions.AddFolderApplicationModelConvention("/Admin", model => model.Filters.Add(new AdministratorsOnlyPageFilter()));
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<UseCaseExceptionFilter>();
                options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // A value that cannot be read into its field ("abc" for a number of days) is said in the user's language, next to the field.
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizer<SharedResource>>((options, text) =>
        {
            options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, _) => text["Validation.ValueInvalid", value]);
            options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
            options.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.ValueInvalid", value]);
            options.ModelBindingMessageProvider.SetUnknownValueIsInvalidAccessor(_ => text["Validation.ValueInvalid", string.Empty]);
            options.ModelBindingMessageProvider.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Validation.ValueInvalid", string.Empty]);
            options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => text["Validation.ValueInvalid", string.Empty]);
            options.ModelBindingMessageProvider.SetNonPropertyValueMustBeANumberAccessor(() => text["Validation.ValueInvalid", string.Empty]);
        });

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        builder.AddOperations(local, connectionString);
    }

    /// <summary>
    /// Data Protection keys shared by every instance (cookies and antiforgery tokens survive a
    /// restart and work behind a load balancer) and forwarded headers behind a reverse proxy.
    /// </summary>
    private static void AddOperations(this WebApplicationBuilder builder, LocalPostgres? local, string connectionString)
    {
        var configuration = builder.Configuration;
        var keysDirectory = configuration["DataProtection:KeysDirectory"];
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("IntergovCommission");
        if (!string.IsNullOrWhiteSpace(keysDirectory))
        {
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(keysDirectory));
        }
        else
        {
            // In the database (table data_protection_keys): every instance over it shares the key ring, and the
            // keys go with the data (the private cluster's too).
            builder.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseKeyRepository(connectionString));
        }

        if (configuration.GetValue("Metrics:Enabled", false))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                // Request durations (http.server.request.duration), Kestrel and SignalR connections, the Npgsql pool, ours.
                .AddMeter(AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Diagnostics", "Npgsql")
                .AddPrometheusExporter());
        }

        if (configuration.GetValue("ReverseProxy:Enabled", false))
        {
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Trust the listed proxies and networks only; with no list, the proxy in front,
                // whoever it is (safe only when nothing reaches the app except through it).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in Split(configuration["ReverseProxy:KnownProxies"]))
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in Split(configuration["ReverseProxy:KnownNetworks"]))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });
        }

        static string[] Split(string? value) =>
            (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static async Task UseIntergovCommissionAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Local is { } local)
        {
            app.Lifetime.ApplicationStopped.Register(() => local.StopUnlessInUseAsync().GetAwaiter().GetResult());
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(database.ConnectionString);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sealedRows = await AuditChain.SealEarlierRowsAsync(scope.ServiceProvider.GetRequiredService<CommissionDbContext>());
            if (sealedRows > 0)
            {
                Log.Information("{Count} audit rows written before the hash chain were linked into it", sealedRows);
            }

            var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
            await seeder.EnsureReferenceDataAsync();
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                await seeder.SeedDemoAsync();
                if (app.Configuration.GetValue("Demo:Council", false))
                {
                    await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync();
                }

                if (app.Configuration.GetValue("Demo:Sessions", false))
                {
                    try
                    {
                        await app.Services.GetRequiredService<DemoSessionsSeeder>().SeedAsync();
                        if (app.Configuration.GetValue("Demo:Council", false))
                        {
                            await app.Services.GetRequiredService<DemoSessionsSeeder>().SeedCouncilAsync();
                        }
                    }
                    catch (Exception ex) when (ex is IntergovCommission.Domain.Common.RuleViolationException or ForbiddenException or InputValidationException or ConflictException or NotFoundException)
                    {
                        // Each step is its own transaction: what was made stays, the app still starts.
                        Log.Error(ex, "The demo sessions could not be made completely: {Message}", ex.Message);
                    }
                }
            }
        }

        if (app.Configuration.GetValue("ReverseProxy:Enabled", false))
        {
            // First, so the client address (audit trail, logs) and the scheme (HSTS, cookies) are the real ones.
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        // One line per request (Serilog's request logging), with the correlation id; health probes only at Debug.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal) ? Serilog.Events.LogEventLevel.Debug
                : Serilog.Events.LogEventLevel.Information;
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler("/Error");
        // The API answers every error as a problem document (a 401 from authentication, an unmatched route,
        // an unreadable body, the database down); pages get the error page. Development and Production alike.
        app.UseMiddleware<ErrorResponsesMiddleware>();
        app.UseWhen(context => !ErrorResponses.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseWhen(context => ErrorResponses.IsApi(context.Request), api => api.UseStatusCodePages(ErrorResponses.WriteStatusProblemAsync));
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        app.MapIntegrationApi();
        app.MapCorrespondingSource();
        app.MapHub<IntergovCommission.Web.Hubs.LiveSessionHub>(IntergovCommission.Web.Hubs.LiveSessionHub.Path);
        if (app.Configuration.GetValue("Metrics:Enabled", false))
        {
            // Prometheus scraping: with Metrics:Token only for "Authorization: Bearer <token>", otherwise only from this machine.
            var token = app.Configuration["Metrics:Token"];
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var allowed = string.IsNullOrEmpty(token)
                    ? http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
                    : System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                        System.Text.Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()),
                        System.Text.Encoding.UTF8.GetBytes("Bearer " + token));
                return allowed ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden);
            });
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            Log.Information("IntergovCommission is listening on {Urls}", urls);
            if (app.Configuration.GetValue("Demo:Seed", false))
            {
                Log.Information("Demo sign-ins (password {Password}): {Users}", DemoDataSeeder.DemoPassword, string.Join(", ", DemoDataSeeder.DemoUserNames.Concat(app.Configuration.GetValue("Demo:Council", false) ? DemoCouncilSeeder.DemoUserNames : [])));
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
