using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
try
{
    if (args.Contains("--print-model-ddl"))
    {
        // For writing a migration: the DDL the EF model implies, to compare with Data/Migrations.
        Console.WriteLine(SchemaTools.ModelDdl());
        return 0;
    }

    var builder = WebApplication.CreateBuilder(args);
    await builder.AddIntergovCommissionAsync();
    var app = builder.Build();
    var createAdmin = Array.IndexOf(args, "--create-admin");
    if (createAdmin >= 0)
    {
        // The first administrator of an installation without demo data:
        // INTERGOV_ADMIN_PASSWORD=... dotnet run --project src/IntergovCommission.Web -- --create-admin NAME
        return await AdministratorBootstrap.RunAsync(app, createAdmin + 1 < args.Length ? args[createAdmin + 1] : null, Environment.GetEnvironmentVariable("INTERGOV_ADMIN_PASSWORD"));
    }

    var verifyAudit = Array.IndexOf(args, IntergovCommission.Web.Features.Audit.AuditCommandLine.Switch);
    if (verifyAudit >= 0)
    {
        // Exit status 0: the audit chain is intact; 1: a broken link is printed (docs/operations.md).
        return await IntergovCommission.Web.Features.Audit.AuditCommandLine.RunAsync(app,
            verifyAudit + 1 < args.Length && !args[verifyAudit + 1].StartsWith("--", StringComparison.Ordinal) ? args[verifyAudit + 1] : null, Console.Out);
    }

    await app.UseIntergovCommissionAsync();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The application could not start: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
