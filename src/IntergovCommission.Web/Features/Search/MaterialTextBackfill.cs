using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Search;

/// <summary>
/// At start-up: extracts the text of every material uploaded before the search existed (or whose
/// text is missing), a few at a time, so the search finds them too. A new upload's text is extracted
/// in the upload's own transaction (<see cref="Materials.UploadMaterial"/>); this only catches up.
/// Several instances may run it at once: a row another one wrote first is left as it is.
/// </summary>
public sealed class MaterialTextBackfill(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MaterialTextBackfill> logger) : BackgroundService
{
    public const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var total = await RunAsync(stoppingToken);
            if (total > 0)
            {
                logger.LogInformation("Search: extracted the text of {Count} earlier materials", total);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Search: extracting the text of earlier materials failed; it is tried again at the next start");
        }
    }

    /// <summary>Extracts every missing text; returns how many materials it did.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            var batch = await (from m in db.Materials.AsNoTracking()
                               where !db.MaterialTexts.Any(t => t.MaterialId == m.Id)
                               join f in db.StoredFiles.AsNoTracking() on m.FileId equals f.Id
                               orderby m.UploadedAt
                               select new { m.Id, m.FileType, f.Content }).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var m in batch)
            {
                var (text, outcome) = TextExtraction.Extract(m.Content, m.FileType);
                var at = clock.GetUtcNow();
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO material_texts (material_id, text, outcome, extracted_at) VALUES ({m.Id}, {text}, {outcome}, {at}) ON CONFLICT (material_id) DO NOTHING", ct);
            }

            total += batch.Count;
        }

        return total;
    }
}
