using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>The roster of a commission grouped by side and role (KZRU-01), with the quorum it implies (KZRU-16).</summary>
public static class GetRoster
{
    public sealed record Query(Guid CommissionId, bool IncludeEnded = false) : IQuery<Result>, ICommissionScoped;

    public sealed record Result(
        Guid CommissionId,
        string Code,
        LocalizedText Name,
        string ProfileCode,
        int ProfileVersion,
        IReadOnlyList<SideGroup> Sides,
        IReadOnlyList<Row> WithoutSide,
        IReadOnlyList<Row> Ended,
        int VotingMembers,
        QuorumResult QuorumIfAllAttend,
        int QuorumRequired,
        RuleRef QuorumRule)
    {
        /// <summary>The body's own role names (a council's Chair, Council member, Substitute...), from its profile.</summary>
        public IReadOnlyDictionary<string, LocalizedText> RoleNames { get; init; } = new Dictionary<string, LocalizedText>();

        /// <summary>CIS-03: the chair rotates (the chair's terms are kept on their own page).</summary>
        public bool RotatingChair { get; init; }

        /// <summary>CIS-04: the body holds extraordinary sessions on a state's proposal with a majority's support.</summary>
        public bool ExtraordinaryOnProposal { get; init; }
    }

    public sealed record SideGroup(Guid Id, string Code, LocalizedText Name, LocalizedText AppointingAuthority, LocalizedText NominatingBody, string TimeZoneId, bool CanManage, IReadOnlyList<Row> Rows);

    public sealed record Row(
        Guid MembershipId,
        Guid PersonId,
        LocalizedText PersonName,
        CommissionRole Role,
        LocalizedText Position,
        LocalizedText Organisation,
        string? AppointingActNumber,
        DateOnly? AppointingActDate,
        DateOnly TermStart,
        DateOnly? TermEnd,
        DateOnly? EndedOn,
        string? EndReason,
        Guid? SideId);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var commission = await db.Commissions.AsNoTracking()
                .Where(c => c.Id == request.CommissionId)
                .Select(c => new { c.Id, c.Code, c.Name, c.ProfileId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            var profileRecord = await db.RegulationProfiles.AsNoTracking().SingleAsync(p => p.Id == commission.ProfileId, cancellationToken);
            var profile = profileRecord.ToProfile();
            var sides = await db.Sides.AsNoTracking()
                .Where(s => s.CommissionId == request.CommissionId)
                .OrderBy(s => s.Code)
                .Select(s => new { s.Id, s.Code, s.Name, s.AppointingAuthority, s.NominatingBody, s.TimeZoneId })
                .ToListAsync(cancellationToken);
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.CommissionId == request.CommissionId && (request.IncludeEnded || m.EndedOn == null))
                .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new Row(
                    m.Id, p.Id, p.FullName, m.Role, m.Position, m.Organisation, m.AppointingActNumber, m.AppointingActDate,
                    m.TermStart, m.TermEnd, m.EndedOn, m.EndReason, m.SideId))
                .ToListAsync(cancellationToken);

            var active = rows.Where(r => r.EndedOn is null).OrderBy(r => profile.RoleOrder(r.Role)).ThenBy(r => r.PersonName.Ru).ToList();
            // CIS-01: with one vote per state the quorum counts states (those with a member), not delegates.
            var votingMembers = profile.Voting.Unit == VoteUnit.State
                ? active.Where(r => r.Role == profile.Voting.StateHead() && r.SideId != null).Select(r => r.SideId).Distinct().Count()
                : active.Count(r => profile.Quorum.CountedRoles.Contains(r.Role));
            return new Result(
                commission.Id,
                commission.Code,
                commission.Name,
                profileRecord.Code,
                profileRecord.ProfileVersion,
                sides.Select(s => new SideGroup(s.Id, s.Code, s.Name, s.AppointingAuthority, s.NominatingBody, s.TimeZoneId,
                    CommissionAccess.CanManageSide(actor, request.CommissionId, s.Id),
                    active.Where(r => r.SideId == s.Id).ToList())).ToList(),
                active.Where(r => r.SideId is null).ToList(),
                rows.Where(r => r.EndedOn is not null).OrderByDescending(r => r.EndedOn).ToList(),
                votingMembers,
                QuorumCalculator.Evaluate(profile.Quorum, votingMembers, votingMembers),
                QuorumCalculator.Required(profile.Quorum, votingMembers),
                profile.Quorum.Rule)
            {
                RoleNames = profile.Roles.ToDictionary(r => r.Role.ToString(), r => r.Name),
                RotatingChair = profile.Presiding.Mode == PresidingMode.RotatingChair,
                ExtraordinaryOnProposal = profile.Frequency is not null,
            };
        }
    }
}
