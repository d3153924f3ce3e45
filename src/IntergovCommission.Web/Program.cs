using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
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
