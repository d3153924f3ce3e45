using System.Globalization;
using System.Text;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;
using NpgsqlTypes;

namespace IntergovCommission.Web.Features.Search;

/// <summary>What a search result is.</summary>
public enum SearchKind
{
    Decision = 0,
    Item = 1,
    Proposal = 2,
    Material = 3,
    Minutes = 4,
}

/// <summary>
/// One search over the records a person may read (issue #14): decisions (number, title, text in both
/// languages), agenda items, proposals, materials (title and the text of a PDF or DOCX) and the
/// minutes of held sessions, ranked, each with its matching passage marked. PostgreSQL full-text
/// search over <c>search_entries</c> (migration 0033): Russian stemming, and Kazakh by folded
/// prefixes (case, accents and the Kazakh letters folded).
/// Who reads what is the pages' own rules, applied in the query:
/// decisions and minutes — the commission's people and administrators (<see cref="Require.InCommission"/>,
/// <see cref="Documents.SessionDocuments.MayRead"/>); agenda items and their materials — as
/// <see cref="GetSession"/> shows them (staff always; others once published; an invitee only the items
/// they speak to, KZRU-14); proposals — their proposer and whoever receives them (KZRU-06, KZRU-12).
/// </summary>
public static class SearchRecords
{
    public const int PageSize = 20;
    public const int MaxTextLength = 200;
    public const int MaxWords = 8;
    /// <summary>
    /// At most this many matches are ranked (all of them when there are fewer; else the first the index
    /// yields, without reading the rest). A word found in more records than this — a word of nearly every
    /// document — is narrowed by the filters (commission, meeting, year, kind); the bound keeps the search
    /// fast whatever the word (docs/benchmarks.md).
    /// </summary>
    public const int MaxCandidates = 1000;

    public const int MaxPage = MaxCandidates / PageSize;

    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    public sealed record Query : IQuery<Result>
    {
        public string? Text { get; init; }

        public Guid? CommissionId { get; init; }

        public Guid? SessionId { get; init; }

        public int? Year { get; init; }

        public SearchKind? Kind { get; init; }

        public int Page { get; init; } = 1;
    }

    /// <summary>A piece of the passage; <see cref="Match"/> pieces are what the query found.</summary>
    public sealed record Segment(string Text, bool Match);

    public sealed record Hit(
        SearchKind Kind, Guid Id, Guid CommissionId, string CommissionCode, Guid SessionId, int SessionNumber, int Year,
        string? Number, string Title, IReadOnlyList<Segment> Passage, string Link, double Rank);

    public sealed record Result(IReadOnlyList<Hit> Hits, int Page, bool HasMore, IReadOnlyList<string> Words);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            // Every signed-in person searches; what they find is narrowed to what they may read.
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Text).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(text["Search.Validation.TextRequired"])
                .MaximumLength(MaxTextLength).WithMessage(text["Search.Validation.TextTooLong", MaxTextLength])
                .Must(t => Words(t).Count > 0).WithMessage(text["Search.Validation.NoWords"]);
            RuleFor(q => q.Year).InclusiveBetween(1900, 2100).When(q => q.Year is not null).WithMessage(text["Search.Validation.Year"]);
            RuleFor(q => q.Kind).IsInEnum().When(q => q.Kind is not null).WithMessage(text["Search.Validation.Kind"]);
            RuleFor(q => q.Page).InclusiveBetween(1, MaxPage).WithMessage(text["Search.Validation.Page", MaxPage]);
        }
    }

    /// <summary>The query's words: letters and digits only (nothing reaches tsquery syntax), at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < 64)
                {
                    word.Append(c);
                }

                continue;
            }

            if (word.Length > 0 && words.Count < MaxWords && !words.Contains(word.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                words.Add(word.ToString());
            }

            word.Clear();
        }

        return words;
    }

    /// <summary>What the actor may read, as the query's parameters.</summary>
    internal sealed record Visibility(
        bool All, Guid[] Readers, Guid[] Staff, Guid[] HiddenItems, Guid[] InvitedItems, Guid PersonId, Guid[] ReceiveAll, Guid[] ReceiveSides);

    internal static async Task<Visibility> VisibilityAsync(CommissionDbContext db, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var person = actor.PersonId ?? Guid.Empty;
        var receiving = actor.Memberships.Where(m => actor.ProfileOf(m.CommissionId) is { } p && p.Permits(m.Seat, Capability.ReceiveProposals)).ToList();
        var receiveSides = receiving.Where(m => m.SideId != null && actor.ProfileOf(m.CommissionId)!.Grant(Capability.ReceiveProposals)!.Scope == CapabilityScope.OwnSide)
            .Select(m => m.SideId!.Value).Distinct().ToArray();
        var receiveAll = receiving.Where(m => actor.ProfileOf(m.CommissionId)!.Grant(Capability.ReceiveProposals)!.Scope == CapabilityScope.AnySide)
            .Select(m => m.CommissionId).Distinct().ToArray();
        if (actor.IsAdministrator)
        {
            return new Visibility(true, [], [], [], [], person, receiveAll, receiveSides);
        }

        var readers = actor.CommissionsSatOn().ToArray();
        var staff = readers.Where(c => SessionAccess.IsSecretary(actor, c) || SessionAccess.IsCoChair(actor, c)).ToArray();
        var invitedOnly = actor.Memberships.Select(m => m.CommissionId).Where(actor.IsInvitedTo).Except(readers).Distinct().ToArray();

        // KZRU-12: an unscheduled item reaches those who are not staff once the co-chairs accepted it (AgendaItem.IsAcceptedBy).
        var narrowed = readers.Except(staff).Concat(invitedOnly).ToArray();
        var hidden = new List<Guid>();
        if (narrowed.Length > 0)
        {
            var unscheduled = await (from i in db.AgendaItems.AsNoTracking()
                                     join s in db.Sessions.AsNoTracking() on i.SessionId equals s.Id
                                     where i.IsUnscheduled && narrowed.Contains(s.CommissionId)
                                     select new { i.Id, s.CommissionId }).ToListAsync(ct);
            if (unscheduled.Count > 0)
            {
                var ids = unscheduled.Select(u => u.Id).ToList();
                var items = await db.AgendaItems.AsNoTracking().Include(i => i.Acceptances).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
                foreach (var commission in unscheduled.Select(u => u.CommissionId).Distinct())
                {
                    var coChairs = await SessionAccess.CoChairsAsync(db, commission, clock, ct);
                    var all = (await Commissions.CommissionAccess.ProfileOfAsync(db, commission, ct)).Agenda.ApprovalByAllCoChairs;
                    var ofCommission = unscheduled.Where(u => u.CommissionId == commission).Select(u => u.Id).ToHashSet();
                    hidden.AddRange(items.Where(i => ofCommission.Contains(i.Id) && !i.IsAcceptedBy(coChairs, all)).Select(i => i.Id));
                }
            }
        }

        // KZRU-14: an invited person reads the published items they speak to, nothing else.
        var invited = new List<Guid>();
        if (invitedOnly.Length > 0 && actor.PersonId is Guid me)
        {
            var lists = await (from i in db.InvitedPersons.AsNoTracking()
                               join s in db.Sessions.AsNoTracking() on i.SessionId equals s.Id
                               where i.PersonId == me && invitedOnly.Contains(s.CommissionId) && s.PublishedAt != null && s.State != SessionState.Cancelled
                               select i.ItemIds).ToListAsync(ct);
            invited.AddRange(lists.SelectMany(l => l).Except(hidden).Distinct());
        }

        return new Visibility(false, readers, staff, [.. hidden], [.. invited], person, receiveAll, receiveSides);
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, IStringLocalizer<SharedResource> text) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var words = Words(request.Text);
            var seen = await VisibilityAsync(db, actor, clock, cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            var own = db.Database.CurrentTransaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var transaction = own ?? (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
                // The GIN index, never a sequential scan: a scan tests every row's tsvector (read from TOAST), the
                // bitmap from the index does not; for a word in most records the planner would pick the scan.
                await using (var planner = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
                {
                    await planner.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var command = new NpgsqlCommand(Sql, connection, transaction);
                command.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words.ToArray() });
                command.Parameters.Add(new NpgsqlParameter("commission", NpgsqlDbType.Uuid) { Value = (object?)request.CommissionId ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("session", NpgsqlDbType.Uuid) { Value = (object?)request.SessionId ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("year", NpgsqlDbType.Integer) { Value = (object?)request.Year ?? DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = request.Kind is { } k ? KindName(k) : DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("all", NpgsqlDbType.Boolean) { Value = seen.All });
                command.Parameters.Add(new NpgsqlParameter("readers", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.Readers });
                command.Parameters.Add(new NpgsqlParameter("staff", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.Staff });
                command.Parameters.Add(new NpgsqlParameter("hidden", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.HiddenItems });
                command.Parameters.Add(new NpgsqlParameter("invited", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.InvitedItems });
                command.Parameters.Add(new NpgsqlParameter("me", NpgsqlDbType.Uuid) { Value = seen.PersonId });
                command.Parameters.Add(new NpgsqlParameter("receive_all", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.ReceiveAll });
                command.Parameters.Add(new NpgsqlParameter("receive_sides", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = seen.ReceiveSides });
                command.Parameters.Add(new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = PageSize + 1 });
                command.Parameters.Add(new NpgsqlParameter("candidates", NpgsqlDbType.Integer) { Value = MaxCandidates });
                command.Parameters.Add(new NpgsqlParameter("skip", NpgsqlDbType.Integer) { Value = (request.Page - 1) * PageSize });

                var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                var hits = new List<Hit>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var kind = KindOf(reader.GetString(1));
                        var id = reader.GetGuid(0);
                        var sessionId = reader.GetGuid(3);
                        var sessionNumber = reader.GetInt32(4);
                        var number = reader.IsDBNull(6) ? null : reader.GetString(6);
                        var title = language switch { "kk" => reader.GetString(8), "en" => reader.GetString(9), _ => reader.GetString(7) };
                        if (kind == SearchKind.Minutes)
                        {
                            title = text["Search.MinutesTitle", sessionNumber];
                        }

                        var itemId = reader.IsDBNull(11) ? (Guid?)null : reader.GetGuid(11);
                        var fragment = reader.IsDBNull(13) ? string.Empty : reader.GetString(13);
                        var original = reader.IsDBNull(14) ? null : reader.GetString(14);
                        hits.Add(new Hit(kind, id, reader.GetGuid(2), reader.GetString(12), sessionId, sessionNumber, reader.GetInt32(5), number, title,
                            Passage(fragment, original), LinkOf(kind, id, sessionId, itemId, reader.IsDBNull(15) ? null : reader.GetGuid(15), seen.PersonId), reader.GetFloat(10)));
                    }
                }

                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                var more = hits.Count > PageSize;
                return new Result(more ? hits.GetRange(0, PageSize) : hits, request.Page, more, words);
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }

                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }
    }

    /// <summary>
    /// The passage: ts_headline over the folded text marks the matches (any case, accents, Kazakh
    /// letters); the same stretch of the original text is given with those marks. Plain text pieces,
    /// never HTML: the page encodes each piece and wraps the matches in &lt;mark&gt;.
    /// </summary>
    public static IReadOnlyList<Segment> Passage(string fragment, string? original)
    {
        var plainLength = fragment.Count(c => c is not MarkStart and not MarkEnd);
        var source = original is not null && original.Length == plainLength ? original : null;
        var segments = new List<Segment>();
        var current = new StringBuilder();
        var match = false;
        var j = 0;
        foreach (var c in fragment)
        {
            if (c is MarkStart or MarkEnd)
            {
                if (current.Length > 0)
                {
                    segments.Add(new Segment(current.ToString(), match));
                    current.Clear();
                }

                match = c == MarkStart;
                continue;
            }

            current.Append(source is null ? c : source[j]);
            j++;
        }

        if (current.Length > 0)
        {
            segments.Add(new Segment(current.ToString(), match));
        }

        return segments;
    }

    public static string KindName(SearchKind kind) => kind switch
    {
        SearchKind.Decision => "decision",
        SearchKind.Item => "item",
        SearchKind.Proposal => "proposal",
        SearchKind.Material => "material",
        _ => "minutes",
    };

    private static SearchKind KindOf(string name) => name switch
    {
        "decision" => SearchKind.Decision,
        "item" => SearchKind.Item,
        "proposal" => SearchKind.Proposal,
        "material" => SearchKind.Material,
        _ => SearchKind.Minutes,
    };

    private static string LinkOf(SearchKind kind, Guid id, Guid sessionId, Guid? itemId, Guid? proposer, Guid me) => kind switch
    {
        SearchKind.Decision => $"/Decisions/Details/{id}",
        SearchKind.Item => $"/Sessions/Details/{sessionId}#item-{id}",
        SearchKind.Material => $"/Sessions/Pack/{sessionId}?handler=File&materialId={id}",
        SearchKind.Proposal => proposer == me ? "/Proposals/Mine" : "/Proposals/Inbox",
        _ => $"/Sessions/Details/{sessionId}?handler=MinutesPdf",
    };

    private const string Sql = """
        WITH q AS (SELECT igc_search_query(@words) AS m, igc_search_highlight_query(@words) AS h),
        candidates AS (
            SELECT e.id, e.kind, e.commission_id, e.session_id, s.number AS session_number, e.year, e.number,
                   e.title_ru, e.title_kk, e.title_en, e.document, e.agenda_item_id, e.person_id
            FROM search_entries e
            CROSS JOIN q
            JOIN sessions s ON s.id = e.session_id
            WHERE e.document @@ q.m
              AND (@commission::uuid IS NULL OR e.commission_id = @commission)
              AND (@session::uuid IS NULL OR e.session_id = @session)
              AND (@year::integer IS NULL OR e.year = @year)
              AND (@kind::text IS NULL OR e.kind = @kind)
              AND (
                   (e.kind IN ('decision', 'minutes') AND (@all OR e.commission_id = ANY(@readers)))
                OR (e.kind IN ('item', 'material') AND (
                       @all
                    OR e.commission_id = ANY(@staff)
                    OR (e.commission_id = ANY(@readers) AND s.published_at IS NOT NULL AND s.state <> 'Cancelled' AND NOT (e.agenda_item_id = ANY(@hidden)))
                    OR e.agenda_item_id = ANY(@invited)))
                OR (e.kind = 'proposal' AND (e.person_id = @me OR e.commission_id = ANY(@receive_all) OR e.side_id = ANY(@receive_sides)))
              )
            LIMIT @candidates
        ),
        hits AS (
            SELECT c.id, c.kind, c.commission_id, c.session_id, c.session_number, c.year, c.number, c.title_ru, c.title_kk, c.title_en,
                   ts_rank(c.document, q.m) AS rank, c.agenda_item_id, c.person_id
            FROM candidates c CROSS JOIN q
            ORDER BY rank DESC, c.year DESC, c.id
            LIMIT @take OFFSET @skip
        )
        SELECT h.id, h.kind, h.commission_id, h.session_id, h.session_number, h.year, h.number, h.title_ru, h.title_kk, h.title_en, h.rank,
               h.agenda_item_id, c.code, p.fragment,
               substr(x.body, strpos(p.folded, p.plain), length(p.plain)) AS original,
               h.person_id
        FROM hits h
        JOIN search_entries x ON x.id = h.id
        JOIN commissions c ON c.id = h.commission_id
        CROSS JOIN q
        CROSS JOIN LATERAL (
            SELECT f.fragment, f.folded, replace(replace(f.fragment, U&'\E000', ''), U&'\E001', '') AS plain
            FROM (SELECT igc_fold_chars(left(x.body, 100000)) AS folded) b
            CROSS JOIN LATERAL (SELECT b.folded,
                ts_headline('simple', b.folded, q.h, 'StartSel=' || U&'\E000' || ', StopSel=' || U&'\E001' || ', MaxFragments=1, MaxWords=30, MinWords=12, ShortWord=1, FragmentDelimiter=" "') AS fragment) f
        ) p
        ORDER BY h.rank DESC, h.year DESC, h.id
        """;
}
