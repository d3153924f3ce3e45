using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// The choices of the new-assignment form: the commission's issued decisions, its people (the responsible person), and the sides the
/// caller may put assignments under control for (a decision's: the side's secretary; a co-chair's act: the side's co-chair).
/// </summary>
public static class GetAssignmentForm
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>;

    public sealed record DecisionChoice(Guid Id, string Number, string TitleRu);

    public sealed record PersonChoice(Guid PersonId, LocalizedText Name, string? SideCode);

    public sealed record Result(Guid CommissionId, LocalizedText CommissionName, IReadOnlyList<DecisionChoice> Decisions, IReadOnlyList<PersonChoice> People,
        IReadOnlyList<ListAssignments.SideChoice> Sides);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).Select(s => s.Id).ToListAsync(cancellationToken);
            if (!sides.Any(s => CreateAssignment.Authorizer.MayRecord(actor, request.CommissionId, s) || CreateAssignment.Authorizer.MayGive(actor, request.CommissionId, s)))
            {
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.RecordAssignments, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.Record", "{0} (Regulation {1}): the secretary of the responsible side puts a decision's assignments under control.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var name = await db.Commissions.AsNoTracking().Where(c => c.Id == request.CommissionId).Select(c => c.Name).SingleAsync(cancellationToken);
            var decisions = await db.Decisions.AsNoTracking().Where(d => d.CommissionId == request.CommissionId && d.State != DecisionState.Superseded)
                .OrderByDescending(d => d.Number).Select(d => new DecisionChoice(d.Id, d.Number, d.TitleRu)).ToListAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            var people = await (from m in db.Memberships.AsNoTracking().SeatedBy(profile)
                                join p in db.People on m.PersonId equals p.Id
                                join s in db.Sides on m.SideId equals s.Id into ss
                                from s in ss.DefaultIfEmpty()
                                where m.CommissionId == request.CommissionId && m.EndedOn == null && (m.TermEnd == null || m.TermEnd >= today)
                                orderby p.FullName.Ru
                                select new PersonChoice(p.Id, p.FullName, s == null ? null : s.Code)).ToListAsync(cancellationToken);
            var sides = (await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(cancellationToken))
                .Select(s => new ListAssignments.SideChoice(s.Id, s.Code, s.Name, CreateAssignment.Authorizer.MayRecord(actor, request.CommissionId, s.Id),
                    CreateAssignment.Authorizer.MayGive(actor, request.CommissionId, s.Id)))
                .Where(s => s.CanRecord || s.CanGive).ToList();
            return new Result(request.CommissionId, name, decisions, [.. people.DistinctBy(p => p.PersonId)], sides);
        }
    }
}
