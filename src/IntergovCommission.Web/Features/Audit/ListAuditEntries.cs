using IntergovCommission.Domain.Regulation;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// The audit trail, newest first, filtered by person, action, entity and date range (UTC days):
/// the whole trail for an administrator, one commission's rows for that commission's
/// secretaries. Each row's change is given field by field, ready to read.
/// </summary>
public static class ListAuditEntries
{
    public const int PageSize = 50;

    /// <summary>The most rows one CSV export carries.</summary>
    public const int MaxExportRows = 100_000;

    public const int MaxFilterLength = 200;

    public sealed record Query : IQuery<Result>
    {
        /// <summary>Null: the whole trail (administrators only).</summary>
        public Guid? CommissionId { get; init; }

        /// <summary>Part of the user name, any case.</summary>
        public string? Person { get; init; }

        /// <summary>Part of the action (use case) name, any case, e.g. "SignDecision".</summary>
        public string? Action { get; init; }

        /// <summary>An entity type changed by the row, e.g. "Decision", "Membership".</summary>
        public string? Entity { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public int Page { get; init; } = 1;

        /// <summary>True: every matching row up to <see cref="MaxExportRows"/> (the CSV export), not one page.</summary>
        public bool All { get; init; }
    }

    public sealed record Field(string Name, string? Value);

    public sealed record Change(string Entity, string State, string Key, IReadOnlyList<Field> Fields);

    public sealed record Row(long? Seq, Guid Id, DateTimeOffset At, string? UserName, Guid? CommissionId, string Action, IReadOnlyList<Change> Changes, string Request, string? RemoteAddress, string? CorrelationId);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            if (request.CommissionId is not { } commissionId)
            {
                // The whole trail (sign-ins, every commission): administrators.
                Require.Administrator(actor);
                return Task.CompletedTask;
            }

            Require.SignedIn(actor);
            // The commission's record keepers (KZRU: its secretaries, by the profile) and administrators.
            if (!actor.IsAdministrator && !actor.May(commissionId, Capability.KeepRecords))
            {
                throw new ForbiddenException("Only the commission's secretaries and administrators read its audit trail.");
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Person).MaximumLength(MaxFilterLength).WithMessage(text["Audit.Validation.FilterTooLong", MaxFilterLength]);
            RuleFor(q => q.Action).MaximumLength(MaxFilterLength).WithMessage(text["Audit.Validation.FilterTooLong", MaxFilterLength]);
            RuleFor(q => q.Entity).MaximumLength(MaxFilterLength).WithMessage(text["Audit.Validation.FilterTooLong", MaxFilterLength]);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage(text["Audit.Validation.ToBeforeFrom"]);
            RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000).WithMessage(text["Audit.Validation.Page"]);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = db.AuditEntries.AsNoTracking();
            if (request.CommissionId is { } commissionId)
            {
                rows = rows.Where(a => a.CommissionId == commissionId);
            }

            if (!string.IsNullOrWhiteSpace(request.Person))
            {
                var pattern = Like(request.Person);
                rows = rows.Where(a => a.UserName != null && EF.Functions.ILike(a.UserName, pattern, "\\"));
            }

            if (!string.IsNullOrWhiteSpace(request.Action))
            {
                var pattern = Like(request.Action);
                rows = rows.Where(a => EF.Functions.ILike(a.Action, pattern, "\\"));
            }

            if (!string.IsNullOrWhiteSpace(request.Entity))
            {
                var contained = JsonSerializer.Serialize(new[] { new { entity = request.Entity.Trim() } });
                rows = rows.Where(a => EF.Functions.JsonContains(a.Changes, contained));
            }

            if (request.From is { } from)
            {
                var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                rows = rows.Where(a => a.At >= start);
            }

            if (request.To is { } to)
            {
                var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                rows = rows.Where(a => a.At < end);
            }

            var total = await rows.CountAsync(cancellationToken);
            var ordered = rows.OrderByDescending(a => a.Seq).ThenByDescending(a => a.At);
            var page = request.All ? ordered.Take(MaxExportRows) : ordered.Skip((request.Page - 1) * PageSize).Take(PageSize);
            var found = await page.ToListAsync(cancellationToken);
            return new Result(
                found.Select(a => new Row(a.Seq, a.Id, a.At, a.UserName, a.CommissionId, a.Action, Readable(a.Changes), a.Request, a.RemoteAddress, a.CorrelationId)).ToList(),
                total,
                request.All ? 1 : request.Page,
                PageSize);
        }

        private static string Like(string text) =>
            "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    /// <summary>The changes column as entity, state, key and "field: value" lines (complex values as "Position.Ru").</summary>
    public static IReadOnlyList<Change> Readable(string changes)
    {
        using var document = JsonDocument.Parse(changes);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<Change>();
        foreach (var change in document.RootElement.EnumerateArray())
        {
            if (change.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var fields = new List<Field>();
            if (change.TryGetProperty("changed", out var changed) && changed.ValueKind == JsonValueKind.Object)
            {
                fields.AddRange(changed.EnumerateObject().Select(p => new Field(p.Name, Text(p.Value))));
            }

            if (change.TryGetProperty("complex", out var complex) && complex.ValueKind == JsonValueKind.Object)
            {
                foreach (var group in complex.EnumerateObject().Where(g => g.Value.ValueKind == JsonValueKind.Object))
                {
                    fields.AddRange(group.Value.EnumerateObject().Select(p => new Field($"{group.Name}.{p.Name}", Text(p.Value))));
                }
            }

            result.Add(new Change(Property(change, "entity"), Property(change, "state"), Property(change, "key"), fields.OrderBy(f => f.Name, StringComparer.Ordinal).ToList()));
        }

        return result;
    }

    private static string Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>One line per change for a table cell or a CSV cell: "Decision Modified (key): State = Issued; …".</summary>
    public static string Describe(IReadOnlyList<Change> changes) => string.Join("\n", changes.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Entity} {c.State} ({c.Key})") +
        (c.Fields.Count == 0 ? string.Empty : ": " + string.Join("; ", c.Fields.Select(f => $"{f.Name} = {f.Value ?? "—"}")))));
}
