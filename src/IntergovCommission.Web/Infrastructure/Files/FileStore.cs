using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Materials;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Infrastructure.Files;

/// <summary>Upload limits (Materials:MaxFileBytes, default 50 MB).</summary>
public sealed class FileStoreOptions
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>
/// Takes an upload inside the current command: reads it up to the limit (refusing more), checks
/// the type by content (KZRU-13), and adds it to the database in the same transaction as the
/// record that points at it. Identical bytes already stored are reused.
/// </summary>
public sealed class FileStore(CommissionDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<FileStoreOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <param name="rule">The commission's rule on materials (KZRU-13, CIS-10: the profile's), cited when the file is refused.</param>
    public async Task<(StoredFile File, MaterialFileType Type)> AddAsync(Stream content, Domain.Regulation.RuleRef rule, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rule);
        var bytes = await ReadLimitedAsync(content, options.Value.MaxFileBytes, rule, ct);
        var type = FileTypes.Detect(bytes, rule);
        var hash = StoredFile.HashOf(bytes);
        var existing = await db.StoredFiles.SingleOrDefaultAsync(f => f.Sha256 == hash, ct)
            ?? db.StoredFiles.Local.FirstOrDefault(f => f.Sha256 == hash);
        if (existing is not null)
        {
            return (existing, type);
        }

        var file = new StoredFile(Guid.CreateVersion7(), bytes, FileTypes.ContentType(type), clock.GetUtcNow());
        db.StoredFiles.Add(file);
        return (file, type);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long limit, Domain.Regulation.RuleRef rule, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new RuleViolationException(rule.Id, "Rule.Materials.TooLargeExact",
                    "{1} (Regulation {2}): the file is larger than the limit of {0}.", ExactSize(limit), rule.Id, rule.Clause);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new RuleViolationException(rule.Id, "Rule.Materials.Empty", "{0} (Regulation {1}): the file is empty.", rule.Id, rule.Clause);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A limit stated exactly in the unit that reads right, in the reader's language: "50 МБ", "100 000 байт"
    /// (100 000 bytes used to read "0 MB"): megabytes or kilobytes when the limit is a whole number of them.
    /// </summary>
    public static string ExactSize(long bytes)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var english = culture.TwoLetterISOLanguageName is not ("ru" or "kk");
        var (value, unit) = bytes switch
        {
            >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => (bytes / (1024 * 1024), english ? "MB" : "МБ"),
            >= 1024 when bytes % 1024 == 0 => (bytes / 1024, english ? "KB" : "КБ"),
            _ => (bytes, english ? "bytes" : "байт"),
        };
        return value.ToString("#,0", culture) + "\u00A0" + unit;
    }
}
