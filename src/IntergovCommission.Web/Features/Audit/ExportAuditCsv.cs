using System.Globalization;
using CsvHelper;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// The filtered audit trail as CSV (UTF-8 with BOM, so spreadsheet programs read Cyrillic): the
/// same filters and the same readers as <see cref="ListAuditEntries"/>, every matching row up to
/// <see cref="ListAuditEntries.MaxExportRows"/>. A cell that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) is neutralised with a leading apostrophe
/// (CsvHelper's injection protection). The
/// export itself is a read of the trail and is audited.
/// </summary>
public static class ExportAuditCsv
{
    public sealed record Query(ListAuditEntries.Query Filter) : IQuery<byte[]>, IAuditedRead
    {
        public Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => Task.FromResult(Filter.CommissionId);
    }

    public sealed class Authorizer : IAuthorizer<Query>
    {
        // The list's rule, asked of the list's authorizer.
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            new ListAuditEntries.Authorizer().AuthorizeAsync(request.Filter, actor, cancellationToken);
    }

    public sealed class Handler(IMediator mediator) : IRequestHandler<Query, byte[]>
    {
        public async Task<byte[]> Handle(Query request, CancellationToken cancellationToken)
        {
            // Every matching row; the filter is validated as the list validates it (a page number too, though all pages are written).
            var result = await mediator.Send(request.Filter with { All = true }, cancellationToken);
            return Write(result.Rows);
        }
    }

    public static readonly string[] Header = ["seq", "at_utc", "user", "commission_id", "action", "changes", "request", "remote_address", "correlation_id", "entry_id"];

    /// <summary>RFC 4180, UTF-8 with a byte order mark, every text cell protected from formula injection (OWASP: = + - @, tab, CR get a leading apostrophe).</summary>
    public static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        WriteByteOrderMark = true,
    };

    public static byte[] Write(IEnumerable<ListAuditEntries.Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var row in rows)
            {
                csv.WriteRecord(
                [
                    row.Seq?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                    row.UserName,
                    row.CommissionId?.ToString(),
                    row.Action,
                    ListAuditEntries.Describe(row.Changes),
                    row.Request,
                    row.RemoteAddress,
                    row.CorrelationId,
                    row.Id.ToString(),
                ]);
            }
        }

        return buffer.ToArray();
    }
}
