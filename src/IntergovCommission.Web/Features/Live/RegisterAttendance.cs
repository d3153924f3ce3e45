using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// KZRU-14/15: a secretary registers how a person attends (room, video, absent, represented by
/// whom); a member may check in themselves (room or video). Quorum moves live with it.
/// </summary>
public static class RegisterAttendance
{
    public sealed class Command : ICommand<bool>
    {
        public Guid SessionId { get; set; }
        public Guid MembershipId { get; set; }
        public AttendanceMode Mode { get; set; }
        public string? RepresentativeName { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Mode).IsInEnum().WithMessage(_ => text["Live.Validation.Mode"]);
            RuleFor(x => x.RepresentativeName).NotEmpty().When(x => x.Mode == AttendanceMode.Represented).WithMessage(_ => text["Live.Validation.RepresentativeName"])
                .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            if (!actor.IsIn(commissionId))
            {
                // An administrator runs the system, not the session: the register is the secretaries' (KZRU-07).
                throw actor.IsInvitedTo(commissionId)
                    ? Require.InvitedOnly(actor, commissionId)
                    : Commissions.CommissionRules.Refusal(await Commissions.CommissionRules.ProfileAsync(db, commissionId, cancellationToken), Capability.KeepRegister);
            }

            var own = actor.Memberships.Any(m => m.MembershipId == request.MembershipId);
            if (!own || actor.May(commissionId, Capability.KeepRegister))
            {
                // Each side's secretary keeps the register of their own side's people (as they record their votes, KZRU-17):
                // the other side's secretary marking a member absent would take away that member's vote.
                var sideId = await db.Memberships.AsNoTracking()
                    .Where(m => m.Id == request.MembershipId && m.CommissionId == commissionId)
                    .Select(m => new { m.SideId })
                    .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Membership", request.MembershipId);
                if (actor.May(commissionId, Capability.KeepRegister, sideId.SideId))
                {
                    return;
                }

                if (!own)
                {
                    // Each side's secretary keeps the register of their own side's people (KZRU-07, the profile's scope).
                    Require.May(actor, commissionId, Capability.KeepRegister, sideId.SideId);
                }
            }

            if (request.Mode is not (AttendanceMode.InPerson or AttendanceMode.Video))
            {
                throw ForbiddenException.ByRule(actor.ProfileOf(commissionId)!.RuleFor(Capability.KeepRegister), "Register.Refused.SelfCheckInOnly",
                    "{0} (Regulation {1}): a member checks in as present in the room or by video; anything else is for the secretaries.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            if (context.State is Domain.Sessions.SessionState.Closed or Domain.Sessions.SessionState.Cancelled)
            {
                throw LiveContext.SessionOver(context.Profile);
            }

            var row = context.Register.FirstOrDefault(r => r.Entry.MembershipId == request.MembershipId)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            if (request.Mode == AttendanceMode.Represented && !context.Profile.MayBeRepresented(row.Entry.Role))
            {
                // KZRU-15: only a member sends a representative; the rule is the profile's participation of the role.
                var rule = context.Profile.ParticipationOf(row.Entry.Role).Rule;
                throw new InputValidationException(nameof(Command.Mode), rule.Id + ": " + text["Participation.Refused.NotRepresented", Infrastructure.Web.Ui.LocalizeArguments([rule.Id, rule.Clause])]);
            }

            var record = await db.Attendance.SingleOrDefaultAsync(a => a.SessionId == request.SessionId && a.MembershipId == request.MembershipId, cancellationToken);
            var now = clock.GetUtcNow();
            if (record is null)
            {
                record = new AttendanceRecord(Guid.CreateVersion7(), request.SessionId, request.MembershipId, now);
                db.Attendance.Add(record);
            }

            var self = actor.Memberships.Any(m => m.MembershipId == request.MembershipId) && !actor.May(context.CommissionId, Capability.KeepRegister);
            record.Register(request.Mode, request.RepresentativeName, actor.PersonId ?? Guid.Empty, self, now);
            live.SessionChanged(request.SessionId, "attendance");
            return true;
        }
    }
}
