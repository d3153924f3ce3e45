using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>CIS-04: the proposals of extraordinary sessions of a body with each state's answer and whether a majority supports it.</summary>
public static class ListExtraordinaryProposals
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>;

    public sealed record AnswerRow(Guid SideId, LocalizedText State, SupportAnswer? Answer, DateTimeOffset? AnsweredAt);

    public sealed record ProposalRow(Guid Id, LocalizedText ProposingState, string Subject, DateTimeOffset ProposedAt, DateTimeOffset? SupportedAt, int Supporting, int States, int Needed, IReadOnlyList<AnswerRow> Answers, SupportAnswer? MyAnswer);

    public sealed record Result(Guid CommissionId, bool Applies, RuleRef? Rule, IReadOnlyList<ProposalRow> Proposals, bool CanPropose, string TimeZoneId);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            var head = profile.Voting.StateHead();
            var stateIds = await db.Memberships.AsNoTracking().ActiveOn(clock.Today())
                .Where(m => m.CommissionId == request.CommissionId && m.Role == head && m.SideId != null)
                .Select(m => m.SideId!.Value).Distinct().ToListAsync(cancellationToken);
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code).ToListAsync(cancellationToken);
            var proposals = await db.ExtraordinaryProposals.AsNoTracking().Include(p => p.Answers)
                .Where(p => p.CommissionId == request.CommissionId).OrderByDescending(p => p.ProposedAt).ToListAsync(cancellationToken);
            var mySide = actor.Memberships.FirstOrDefault(m => m.CommissionId == request.CommissionId && m.SideId != null && profile.Permits(m.Seat, Capability.ProposeExtraordinarySession))?.SideId;
            var zone = sides.FirstOrDefault(s => s.Id == mySide)?.TimeZoneId ?? sides.FirstOrDefault()?.TimeZoneId ?? "UTC";
            var rows = proposals.Select(p => new ProposalRow(p.Id, sides.First(s => s.Id == p.ProposingSideId).Name, p.Subject, p.ProposedAt, p.SupportedAt, p.Supporting, stateIds.Count,
                stateIds.Count / 2 + 1,
                sides.Where(s => stateIds.Contains(s.Id)).Select(s =>
                {
                    var a = p.Answers.FirstOrDefault(x => x.SideId == s.Id);
                    return new AnswerRow(s.Id, s.Name, a?.Answer, a?.AnsweredAt);
                }).ToList(),
                p.Answers.FirstOrDefault(a => a.SideId == mySide)?.Answer)).ToList();
            return new Result(request.CommissionId, profile.Frequency is not null, profile.Frequency?.ExtraordinaryRule, rows,
                profile.Frequency is not null && actor.May(request.CommissionId, Capability.ProposeExtraordinarySession), zone);
        }
    }
}
