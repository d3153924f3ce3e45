using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-01 (Regulation s. 4.1): the secretariat confirms the credentials of a person standing in for a
/// member, before the vote; only then does the substitute cast the state's vote.
/// </summary>
public static class ConfirmCredentials
{
    public sealed class Command : ICommand<bool>
    {
        public Guid SessionId { get; set; }
        public Guid MembershipId { get; set; }
        /// <summary>The document that gives the authority (e.g. "Доверенность № 12 от 01.12.2026").</summary>
        public string? Document { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Document).NotEmpty().WithMessage(_ => text["Council.Validation.CredentialsDocument"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.ConfirmCredentials);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            if (context.State is Domain.Sessions.SessionState.Closed or Domain.Sessions.SessionState.Cancelled)
            {
                throw Live.LiveContext.SessionOver(context.Profile);
            }

            var row = context.Register.FirstOrDefault(r => r.Entry.MembershipId == request.MembershipId)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            var rule = context.Profile.Voting.CredentialsRule ?? context.Profile.Composition.Rule;
            if (!context.Profile.Voting.SubstituteRoles.Contains(row.Entry.Role))
            {
                throw new RuleViolationException(rule.Id, "Rule.Council.NotSubstitute",
                    "{0} (Regulation {1}): credentials are confirmed for a person standing in for a member only.", rule.Id, rule.Clause);
            }

            var record = await db.Attendance.SingleOrDefaultAsync(a => a.SessionId == request.SessionId && a.MembershipId == request.MembershipId, cancellationToken);
            if (record is null)
            {
                record = new Domain.Voting.AttendanceRecord(Guid.CreateVersion7(), request.SessionId, request.MembershipId, clock.GetUtcNow());
                db.Attendance.Add(record);
            }

            record.ConfirmCredentials(request.Document!, actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            live.SessionChanged(request.SessionId, "attendance");
            return true;
        }
    }
}
