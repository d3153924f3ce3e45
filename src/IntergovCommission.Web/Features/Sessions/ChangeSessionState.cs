using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Sessions;

public enum SessionStep
{
    /// <summary>KZRU-11: a session opens only with an approved agenda.</summary>
    Start = 0,
    Close = 1,
    /// <summary>WF-02: with a reason.</summary>
    Cancel = 2,
}

/// <summary>A secretary opens, closes or cancels (with a reason) a session; the session refuses a wrong step with its rule.</summary>
public static class ChangeSessionState
{
    public sealed class Command : ICommand<bool>, ICommissionScoped
    {
        public Guid SessionId { get; set; }
        public uint Version { get; set; }
        public SessionStep Step { get; set; }
        public string? Reason { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Step).IsInEnum();
            RuleFor(x => x.Reason).NotEmpty().When(x => x.Step == SessionStep.Cancel).WithMessage(_ => text["Sessions.Validation.CancelReason"])
                .MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            SessionAccess.RequireSecretary(actor, request.CommissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            switch (request.Step)
            {
                case SessionStep.Start:
                    // The session pins the profile version it starts under.
                    var profileId = await db.Commissions.AsNoTracking().Where(c => c.Id == session.CommissionId).Select(c => c.ProfileId).SingleAsync(cancellationToken);
                    session.Start(clock.GetUtcNow(), request.Reason, profileId);
                    break;
                case SessionStep.Close:
                    // A session is not closed under an open vote: the vote would stay open in a closed session.
                    if (await db.Ballots.AnyAsync(b => b.SessionId == session.Id && b.State == Domain.Voting.BallotState.Open, cancellationToken))
                    {
                        var rule = (await CommissionRules.ProfileAsync(db, session.CommissionId, cancellationToken)).Voting.Rule;
                        throw new RuleViolationException(rule.Id, "Sessions.Rule.CloseWithOpenVote",
                            "{0} (Regulation {1}): a vote is open; the presiding co-chair closes it before the session is closed.", rule.Id, rule.Clause);
                    }

                    session.Close();
                    break;
                default:
                    session.Cancel(request.Reason ?? string.Empty);
                    break;
            }

            return true;
        }
    }
}
