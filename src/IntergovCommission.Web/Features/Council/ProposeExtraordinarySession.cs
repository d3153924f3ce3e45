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

/// <summary>
/// CIS-04 (Regulation s. 5.2): a member proposes, on behalf of their state, an extraordinary session; the
/// other states answer (<see cref="AnswerExtraordinaryProposal"/>); once more than half of the states support
/// it, the secretariat convenes it. The proposing state's support is counted at once.
/// </summary>
public static class ProposeExtraordinarySession
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid CommissionId { get; set; }
        public string? Subject { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Subject).NotEmpty().WithMessage(_ => text["Council.Validation.Subject"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.May(actor, request.CommissionId, Capability.ProposeExtraordinarySession);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifications.Notifier notifier, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            if (profile.Frequency is null)
            {
                throw new RuleViolationException(profile.Composition.Rule.Id, "Rule.Extraordinary.None",
                    "{0} (Regulation {1}): this body's regulation has no extraordinary sessions on a state's proposal.", profile.Composition.Rule.Id, profile.Composition.Rule.Clause);
            }

            var seat = actor.Memberships.First(m => m.CommissionId == request.CommissionId && m.SideId != null && profile.Permits(m.Seat, Capability.ProposeExtraordinarySession));
            var proposal = new ExtraordinaryProposal(Guid.CreateVersion7(), request.CommissionId, seat.SideId!.Value, actor.PersonId ?? Guid.Empty, request.Subject!, clock.GetUtcNow());
            db.ExtraordinaryProposals.Add(proposal);
            await notifier.ToHoldersAsync(request.CommissionId, Capability.ProposeExtraordinarySession, null, "extraordinary-proposed",
                "Council.Event.ExtraordinaryProposed", $"/Commissions/Extraordinary/{request.CommissionId}", cancellationToken, proposal.Subject);
            return proposal.Id;
        }
    }
}

/// <summary>CIS-04: a state's answer to a proposal of an extraordinary session (support or not); the majority is counted in states.</summary>
public static class AnswerExtraordinaryProposal
{
    public sealed record Command(Guid ProposalId, SupportAnswer Answer) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Answer).IsInEnum().WithMessage(_ => text["Council.Validation.Answer"]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await db.ExtraordinaryProposals.AsNoTracking().Where(p => p.Id == request.ProposalId).Select(p => (Guid?)p.CommissionId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Extraordinary proposal", request.ProposalId);
            Require.May(actor, commissionId, Capability.ProposeExtraordinarySession);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifications.Notifier notifier, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // Answers of one proposal are serialised: two states answering at once both count, and the majority is reached once.
            await db.Database.ExecuteSqlAsync($"SELECT id FROM extraordinary_proposals WHERE id = {request.ProposalId} FOR UPDATE", cancellationToken);
            var proposal = await db.ExtraordinaryProposals.Include(p => p.Answers).SingleAsync(p => p.Id == request.ProposalId, cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, proposal.CommissionId, cancellationToken);
            var rule = profile.Frequency ?? throw new RuleViolationException(profile.Composition.Rule.Id, "Rule.Extraordinary.None",
                "{0} (Regulation {1}): this body's regulation has no extraordinary sessions on a state's proposal.", profile.Composition.Rule.Id, profile.Composition.Rule.Clause);
            var seat = actor.Memberships.First(m => m.CommissionId == proposal.CommissionId && m.SideId != null && profile.Permits(m.Seat, Capability.ProposeExtraordinarySession));
            var today = clock.Today();
            var head = profile.Voting.HeadRole ?? Domain.Commissions.CommissionRole.Member;
            var states = await db.Memberships.AsNoTracking().ActiveOn(today)
                .Where(m => m.CommissionId == proposal.CommissionId && m.Role == head && m.SideId != null)
                .Select(m => m.SideId).Distinct().CountAsync(cancellationToken);
            var wasSupported = proposal.SupportedAt is not null;
            proposal.Answer(rule, seat.SideId!.Value, actor.PersonId ?? Guid.Empty, request.Answer, states, clock.GetUtcNow());
            if (!wasSupported && proposal.SupportedAt is not null)
            {
                await notifier.ToHoldersAsync(proposal.CommissionId, Capability.PrepareSessions, null, "extraordinary-supported",
                    "Council.Event.ExtraordinarySupported", $"/Commissions/Extraordinary/{proposal.CommissionId}", cancellationToken, proposal.Subject);
            }

            return proposal.SupportedAt is not null;
        }
    }
}

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
            var head = profile.Voting.HeadRole ?? Domain.Commissions.CommissionRole.Member;
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
