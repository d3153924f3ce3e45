using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Proposals;

/// <summary>A decision on a proposal by the secretary of the proposer's side only (KZRU-06, KZRU-13).</summary>
public abstract class ProposalCommand : ICommand<bool>, ICommissionScoped
{
    public Guid ProposalId { get; set; }
    /// <summary>The proposal's version the secretary saw.</summary>
    public uint Version { get; set; }
    public Guid CommissionId { get; internal set; }
}

public abstract class SecretaryOfProposerSide<T>(CommissionDbContext db) : IAuthorizer<T>
    where T : ProposalCommand
{
    public async Task AuthorizeAsync(T request, Actor actor, CancellationToken cancellationToken)
    {
        Require.SignedIn(actor);
        var proposal = await db.AgendaProposals.AsNoTracking()
            .Where(p => p.Id == request.ProposalId)
            .Select(p => new { p.CommissionId, p.SideId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Proposal", request.ProposalId);
        request.CommissionId = proposal.CommissionId;
        Require.May(actor, proposal.CommissionId, Capability.ReceiveProposals, proposal.SideId);
    }
}

/// <summary>
/// The secretary takes a proposal onto the draft agenda (KZRU-07); a late one (KZRU-12) only as an
/// unscheduled item that both co-chairs must accept.
/// </summary>
public static class AcceptProposal
{
    public sealed class Command : ProposalCommand
    {
        public DecisionKind DecisionKind { get; set; } = DecisionKind.Other;
        public string? Rapporteurs { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.DecisionKind).IsInEnum().WithMessage(_ => text["Agenda.Validation.DecisionKind"]);
            RuleFor(x => x.Rapporteurs).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfProposerSide<Command>(db);

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, Notifier notifier) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var proposal = await ProposalForChangeAsync(db, request, cancellationToken);
            var session = await SessionAccess.LoadForChangeAsync(db, proposal.SessionId, null, cancellationToken);
            var item = proposal.AcceptInto(session, Guid.CreateVersion7(), request.DecisionKind, request.Rapporteurs, actor.PersonId!.Value, clock.GetUtcNow());
            db.AgendaItems.Add(item);
            notifier.ProposalAccepted(session, proposal);
            return true;
        }
    }

    internal static async Task<Domain.Sessions.AgendaProposal> ProposalForChangeAsync(CommissionDbContext db, ProposalCommand request, CancellationToken ct)
    {
        var proposal = await db.AgendaProposals.SingleAsync(p => p.Id == request.ProposalId, ct);
        if (proposal.Version != request.Version)
        {
            throw new ConflictException("This proposal was decided or changed by someone else after you opened it. Reload to see its status.");
        }

        db.Entry(proposal).Property(p => p.Version).OriginalValue = request.Version;
        return proposal;
    }
}

/// <summary>WF-02: the secretary declines a proposal with a reason, which the member sees.</summary>
public static class DeclineProposal
{
    public sealed class Command : ProposalCommand
    {
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Proposals.Validation.DeclineReason"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfProposerSide<Command>(db);

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, Notifier notifier) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var proposal = await AcceptProposal.ProposalForChangeAsync(db, request, cancellationToken);
            proposal.Decline(request.Reason!, actor.PersonId!.Value, clock.GetUtcNow());
            var sessionNumber = await db.Sessions.AsNoTracking().Where(s => s.Id == proposal.SessionId).Select(s => s.Number).SingleAsync(cancellationToken);
            notifier.ProposalDeclined(proposal.CommissionId, sessionNumber, proposal, request.Reason!.Trim());
            return true;
        }
    }
}
