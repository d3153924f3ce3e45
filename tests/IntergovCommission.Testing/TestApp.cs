using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntergovCommission.Testing;

/// <summary>
/// The real application (same DI, same MediatR pipeline) on a test database. Use
/// <see cref="SendAsAsync{T}"/> to run a use case as a given user, or <see cref="StartKestrelAsync"/>
/// to serve it on a loopback port for a browser.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly bool _seedDemo;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private int? _port;

    private TestApp(string connectionString, bool seedDemo, IReadOnlyDictionary<string, string?>? settings, string environment)
    {
        _connectionString = connectionString;
        _seedDemo = seedDemo;
        _settings = settings ?? new Dictionary<string, string?>();
        _environment = environment;
    }

    /// <summary>The environment tests run the app in unless they choose one: "Testing".</summary>
    public const string TestingEnvironment = "Testing";

    public string ConnectionString => _connectionString;

    /// <summary>The audit checkpoint file of this test database, outside it (setting Audit:CheckpointFile unless the test gives one).</summary>
    public string CheckpointFile => _settings.TryGetValue("Audit:CheckpointFile", out var file) && file is not null
        ? file
        : Path.Combine(Path.GetTempPath(), "intergov-audit-checkpoints", new NpgsqlConnectionStringBuilder(_connectionString).Database + ".jsonl");

    /// <summary>
    /// A new app on its own fresh database; with the demo commission when <paramref name="seedDemo"/>;
    /// in <paramref name="environment"/> ("Development" and "Production" behave as <c>dotnet run</c> and a deployment do).
    /// </summary>
    public static async Task<TestApp> CreateAsync(bool seedDemo = true, IReadOnlyDictionary<string, string?>? settings = null, string environment = TestingEnvironment)
    {
        // The host starts on first use (Services, CreateClient or StartKestrel).
        return new TestApp(await TestDatabase.CreateAsync(), seedDemo, settings, environment);
    }

    /// <summary>A new app instance over an existing test database (a restart: nothing in memory survives).</summary>
    public static TestApp Reopen(string connectionString, bool seedDemo = true, IReadOnlyDictionary<string, string?>? settings = null, string environment = TestingEnvironment) =>
        new(connectionString, seedDemo, settings, environment);

    /// <summary>The e-mail pickup folder of this test database (setting Mail:PickupDirectory unless the test gives one).</summary>
    public string MailPickupDirectory => _settings.TryGetValue("Mail:PickupDirectory", out var folder) && folder is not null
        ? folder
        : Path.Combine(Path.GetTempPath(), "intergov-mail-pickup", new NpgsqlConnectionStringBuilder(_connectionString).Database ?? "app");

    /// <summary>Serve the app over real HTTP on a free loopback port; returns the base address.</summary>
    public Uri StartKestrel()
    {
        _port = FreePort();
        UseKestrel(_port.Value);
        StartServer();
        return new Uri($"http://127.0.0.1:{_port}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Commission", _connectionString);
        builder.UseSetting("Demo:Seed", _seedDemo ? "true" : "false");
        // Each test database has its own audit checkpoint file (a reopened app finds it again).
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
        // Issue 15: e-mail without a server goes to a pickup folder of this test database, never the source tree; the
        // background sender waits an hour between passes (tests run MailSender.RunOnceAsync themselves).
        builder.UseSetting("Mail:PickupDirectory", MailPickupDirectory);
        builder.UseSetting("Mail:Interval", "01:00:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<ActingUser>();
            services.AddScoped<HttpActorAccessor>();
            services.AddScoped<IActorAccessor>(provider =>
            {
                var acting = provider.GetRequiredService<ActingUser>();
                return acting.UserId is null
                    ? provider.GetRequiredService<HttpActorAccessor>()
                    : new FixedActorAccessor(provider.GetRequiredService<CommissionDbContext>(), provider.GetRequiredService<TimeProvider>(), acting.UserId.Value);
            });
        });
    }

    /// <summary>Sends a use case through the real pipeline as the demo user with this user name.</summary>
    public async Task<T> SendAsAsync<T>(string userName, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<ActingUser>().UserId = userId;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Reads the test database directly (assertions only).</summary>
    public async Task<T> QueryAsync<T>(Func<CommissionDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommissionDbContext>());
    }

    internal static async Task SeedReferenceDataAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<CommissionDbContext>(o => CommissionDbContext.Configure(o, connectionString));
        services.AddIdentityCore<AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().AddEntityFrameworkStores<CommissionDbContext>();
        services.AddScoped<DemoDataSeeder>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().EnsureReferenceDataAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedActorAccessor(CommissionDbContext db, TimeProvider clock, Guid userId) : IActorAccessor
    {
        private Actor? _actor;

        public async Task<Actor> GetActorAsync(CancellationToken cancellationToken) =>
            _actor ??= await ActorLoader.LoadAsync(db, clock, userId, cancellationToken);
    }
}

/// <summary>The user a test acts as within one scope.</summary>
public sealed class ActingUser
{
    public Guid? UserId { get; set; }
}
