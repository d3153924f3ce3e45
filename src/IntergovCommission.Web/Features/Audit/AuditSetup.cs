namespace IntergovCommission.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit chain's checkpoints (file outside the database), verifier and background watch.</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration, string? localDataDirectory)
    {
        var options = configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        options.ResolvedCheckpointFile = string.IsNullOrWhiteSpace(options.CheckpointFile)
            ? Path.Combine(localDataDirectory ?? Path.Combine(AppContext.BaseDirectory, "App_Data"), "audit-checkpoints.jsonl")
            : Path.GetFullPath(options.CheckpointFile);
        services.AddSingleton(options);
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<AuditTrailVerifier>();
        services.AddSingleton<AuditWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWatch>());
        return services;
    }
}
