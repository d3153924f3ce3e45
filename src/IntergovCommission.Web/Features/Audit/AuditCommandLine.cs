using System.Globalization;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// <c>--verify-audit [checkpoint]</c>: walks the audit chain against every kept checkpoint (and the
/// one given: a file holding a checkpoint, or its text such as "1234/&lt;head&gt;" from an issued
/// decision), prints the outcome and exits 0 when the chain is intact, 1 when it is not.
/// The database is read, never written.
/// </summary>
public static class AuditCommandLine
{
    public const string Switch = "--verify-audit";

    public static async Task<int> RunAsync(WebApplication app, string? checkpointArgument, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        try
        {
            return await RunAsync(app.Services, checkpointArgument, output);
        }
        finally
        {
            if (database.Local is { } local)
            {
                await local.StopUnlessInUseAsync();
            }
        }
    }

    /// <summary>Verifies and prints; 0 when the chain is intact, 1 when it is not.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string? checkpointArgument, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        string? supplied = null;
        if (!string.IsNullOrWhiteSpace(checkpointArgument))
        {
            supplied = File.Exists(checkpointArgument) ? await File.ReadAllTextAsync(checkpointArgument) : checkpointArgument;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>().VerifyAsync(supplied, CancellationToken.None);
        Print(report, output);
        return report.Intact ? 0 : 1;
    }

    public static void Print(AuditTrailReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var v = report.Verification;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit chain: {v.Length} rows, head {v.HeadHash}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checkpoints: {report.FileCheckpoints} in {report.CheckpointFile}, {report.DatabaseCheckpoints} in the database; {v.CheckpointsChecked} checked"));
        switch (report.Supplied)
        {
            case SuppliedCheckpoint.Unreadable:
                output.WriteLine("The checkpoint given is neither a checkpoint statement nor \"length/head\".");
                break;
            case SuppliedCheckpoint.BadSignature:
                output.WriteLine("The checkpoint given is not signed by this server's document certificate.");
                break;
            case SuppliedCheckpoint.Checked:
                output.WriteLine("The checkpoint given was checked.");
                break;
        }

        foreach (var problem in v.CheckpointProblems)
        {
            output.WriteLine("Checkpoint problem: " + problem.Detail);
        }

        output.WriteLine(v.Break is { } broken
            ? string.Create(CultureInfo.InvariantCulture, $"BROKEN: {broken.Kind} at row {broken.Seq}{(broken.EntryId is { } id ? $" (entry {id})" : string.Empty)}: {broken.Detail}")
            : report.Intact ? "INTACT" : "NOT VERIFIED");
    }
}
