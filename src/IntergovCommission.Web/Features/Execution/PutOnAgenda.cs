using System.Globalization;
using System.Text;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// KZRU-07: in one step, the unfinished assignments go onto the draft agenda of a session in preparation (the page offers the next one), one item
/// "on the execution of decision N" per decision (and one for the co-chairs' own assignments), each listing the assignments with
/// their organisation and deadline. An item already there for the same decision is not added twice. Audited; the agenda version
/// moves as for any agenda change (KZRU-11).
/// </summary>
public static class PutOnAgenda
{
    public sealed record Command(Guid CommissionId, Guid SessionId) : ICommand<Result>, ICommissionScoped;

    public sealed record Result(Guid SessionId, int SessionNumber, int ItemsAdded);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>KZRU-07: a secretary of the commission (either side) drafts the agenda.</summary>
        public static bool May(Actor actor, Guid commissionId) => actor.May(commissionId, Capability.PrepareSessions);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!May(actor, request.CommissionId))
            {
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.PrepareSessions, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.PutOnAgenda", "{0} (Regulation {1}): the secretaries draft the agenda.");
            }
        }
    }

    /// <summary>The next session of the commission whose agenda is in preparation (the page's one-step target), or null.</summary>
    public static async Task<(Guid Id, int Number)?> NextDraftAsync(CommissionDbContext db, Guid commissionId, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.CommissionId == commissionId && (s.State == SessionState.Draft || s.State == SessionState.AgendaUnderApproval) && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.Number }).FirstOrDefaultAsync(ct);
        return next is null ? null : (next.Id, next.Number);
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var target = request.SessionId;
            if (!await db.Sessions.AnyAsync(s => s.Id == target && s.CommissionId == request.CommissionId, cancellationToken))
            {
                throw new NotFoundException("Session", target);
            }

            var session = await SessionAccess.LoadForChangeAsync(db, target, null, cancellationToken);
            if (!session.IsAgendaEditable)
            {
                var rule = (await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken)).Agenda.ApprovalRule;
                throw new RuleViolationException(rule.Id, "Execution.Rule.AgendaFixed", "{1} (Regulation {2}): the agenda of session {0} is no longer in preparation.", session.Number, rule.Id, rule.Clause);
            }

            var open = await (from a in db.Assignments.AsNoTracking()
                              join d in db.Decisions on a.DecisionId equals d.Id into ds
                              from d in ds.DefaultIfEmpty()
                              where a.CommissionId == request.CommissionId
                                  && (a.State == AssignmentState.Open || a.State == AssignmentState.ReportSubmitted || a.State == AssignmentState.Returned)
                              orderby a.Number
                              select new { a.Number, a.TaskRu, a.TaskKk, a.Organisation, a.DueOn, DecisionNumber = d == null ? null : d.Number }).ToListAsync(cancellationToken);
            var added = 0;
            foreach (var group in open.GroupBy(a => a.DecisionNumber).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var (titleRu, titleKk) = group.Key is { } n
                    ? ($"Об исполнении решения № {n}", $"№ {n} шешімнің орындалуы туралы")
                    : ("Об исполнении поручений сопредседателей", "Тең төрағалар тапсырмаларының орындалуы туралы");
                if (session.Items.Any(i => i.Content.Title.Ru == titleRu))
                {
                    continue;
                }

                var ru = new StringBuilder("Принять к сведению информацию о ходе исполнения поручений:\n");
                var kk = new StringBuilder("Тапсырмалардың орындалу барысы туралы ақпарат назарға алынсын:\n");
                foreach (var a in group)
                {
                    var due = a.DueOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
                    ru.Append(CultureInfo.InvariantCulture, $"{a.Number}. {a.TaskRu ?? a.TaskKk} — {a.Organisation}, срок {due};\n");
                    kk.Append(CultureInfo.InvariantCulture, $"{a.Number}. {a.TaskKk ?? a.TaskRu} — {a.Organisation}, мерзімі {due};\n");
                }

                db.AgendaItems.Add(session.AddItem(Guid.CreateVersion7(), new AgendaItemContent(LocalizedText.Of(titleKk, titleRu), "Секретари комиссии",
                    DecisionKind.Other, LocalizedText.Of(kk.ToString().TrimEnd(), ru.ToString().TrimEnd()), "Комиссия хатшылары")));
                added++;
            }

            return new Result(session.Id, session.Number, added);
        }
    }
}
