using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Proposals;

/// <summary>A proposal as a list shows it: the session, the arrival stamp, the KZRU-12 flag, the status and a decline reason (WF-02).</summary>
public sealed record ProposalRow(
    Guid Id,
    Guid SessionId,
    int SessionNumber,
    string CommissionCode,
    string SessionTimeZoneId,
    SessionState SessionState,
    LocalizedText Title,
    LocalizedText Rationale,
    LocalizedText DraftDecision,
    LocalizedText ProposerName,
    string SideCode,
    string SideTimeZoneId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DeadlineAt,
    bool IsLate,
    ProposalStatus Status,
    string? DeclineReason,
    DateTimeOffset? DecidedAt,
    uint Version)
{
    /// <summary>The rule on proposal deadlines of the commission's profile (KZRU-12, CIS-10), for the "late" flag.</summary>
    public string DeadlineRuleId { get; init; } = string.Empty;

    [System.Text.Json.Serialization.JsonIgnore]
    internal Guid CommissionId { get; init; }
}

internal static class ProposalRows
{
    public static IQueryable<ProposalRow> Project(CommissionDbContext db, IQueryable<AgendaProposal> proposals) =>
        from p in proposals
        join s in db.Sessions on p.SessionId equals s.Id
        join c in db.Commissions on p.CommissionId equals c.Id
        join person in db.People on p.ProposerPersonId equals person.Id
        join side in db.Sides on p.SideId equals side.Id
        orderby p.ReceivedAt descending
        select new ProposalRow(p.Id, s.Id, s.Number, c.Code, s.TimeZoneId, s.State, p.Title, p.Rationale, p.DraftDecision, person.FullName,
            side.Code, side.TimeZoneId, p.ReceivedAt, p.DeadlineAt, p.IsLate, p.Status, p.DeclineReason, p.DecidedAt, p.Version)
        { CommissionId = c.Id };

    /// <summary>The rows with the rule each commission's profile cites for the proposal deadline.</summary>
    public static async Task<List<ProposalRow>> ListAsync(CommissionDbContext db, IQueryable<AgendaProposal> proposals, CancellationToken ct)
    {
        var rows = await Project(db, proposals).ToListAsync(ct);
        var result = new List<ProposalRow>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(row with { DeadlineRuleId = (await CommissionRules.ProfileAsync(db, row.CommissionId, ct)).Agenda.ProposalRule.Id });
        }

        return result;
    }
}

/// <summary>The member's own proposals and what became of each (WF-02: a refusal shows its reason).</summary>
public static class ListMyProposals
{
    public sealed record Query : IQuery<IReadOnlyList<ProposalRow>>;

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, IReadOnlyList<ProposalRow>>
    {
        public async Task<IReadOnlyList<ProposalRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var personId = actor.PersonId ?? Guid.Empty;
            return await ProposalRows.ListAsync(db, db.AgendaProposals.AsNoTracking().Where(p => p.ProposerPersonId == personId), cancellationToken);
        }
    }
}

/// <summary>
/// KZRU-06/KZRU-13: the secretary's inbox holds the proposals of their own side's members only;
/// the other side's secretary never sees them.
/// </summary>
public static class ListInbox
{
    public sealed record Query(bool IncludeDecided = false) : IQuery<IReadOnlyList<ProposalRow>>;

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!actor.Memberships.Any(m => actor.May(m.CommissionId, Capability.ReceiveProposals)))
            {
                // The rule is the profile's grant (KZRU-06 for the commission, CIS-12 for the council) of the actor's first commission.
                var rule = actor.Memberships.Select(m => actor.ProfileOf(m.CommissionId)).FirstOrDefault(p => p is not null)?.RuleFor(Capability.ReceiveProposals);
                throw rule is null
                    ? new ForbiddenException("You are not on this commission.")
                    : ForbiddenException.ByRule(rule, "Proposals.Refused.Inbox", "{0} (Regulation {1}): proposals go to the secretary of the member's side; you are not a secretary.");
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, IReadOnlyList<ProposalRow>>
    {
        public async Task<IReadOnlyList<ProposalRow>> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // KZRU-12: a side's secretary receives their own side's proposals; where the profile gives the whole
            // body's proposals to the secretariat (CIS), every proposal of that commission.
            var receiving = actor.Memberships.Where(m => actor.ProfileOf(m.CommissionId) is { } p && p.Permits(m.Seat, Capability.ReceiveProposals)).ToList();
            var sideIds = receiving.Where(m => m.SideId != null && actor.ProfileOf(m.CommissionId)!.Grant(Capability.ReceiveProposals)!.Scope == CapabilityScope.OwnSide).Select(m => m.SideId!.Value).ToList();
            var commissionIds = receiving.Where(m => actor.ProfileOf(m.CommissionId)!.Grant(Capability.ReceiveProposals)!.Scope == CapabilityScope.AnySide).Select(m => m.CommissionId).ToList();
            var query = db.AgendaProposals.AsNoTracking().Where(p => sideIds.Contains(p.SideId) || commissionIds.Contains(p.CommissionId));
            if (!request.IncludeDecided)
            {
                query = query.Where(p => p.Status == ProposalStatus.Submitted);
            }

            return await ProposalRows.ListAsync(db, query, cancellationToken);
        }
    }
}
