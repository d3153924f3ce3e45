using FluentValidation;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Memberships;

/// <summary>Change a membership's role, side or appointment. Optimistic concurrency: the version read must still be current.</summary>
public static class EditMembership
{
    public sealed class Command : MembershipFields, ICommand<uint>, ICommissionScoped
    {
        public Guid MembershipId { get; set; }
        public uint Version { get; set; }

        /// <summary>The membership's own commission, set by the authorizer: a body or form never chooses it.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) => MembershipFieldRules.Apply(this, text);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var current = await db.Memberships.AsNoTracking()
                .Where(m => m.Id == request.MembershipId)
                .Select(m => new { m.CommissionId, m.SideId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            request.CommissionId = current.CommissionId;

            // The secretary of the side it is on now, and of the side it would move to.
            CommissionAccess.RequireManageSide(actor, current.CommissionId, current.SideId);
            CommissionAccess.RequireManageSide(actor, current.CommissionId, request.SideId);
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, uint>
    {
        public async Task<uint> Handle(Command request, CancellationToken cancellationToken)
        {
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            await RosterLock.TakeAsync(db, request.CommissionId, cancellationToken);
            var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == request.MembershipId, cancellationToken)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            if (membership.Version != request.Version)
            {
                throw new ConflictException("Someone else saved a change to this membership after you opened it. Your input is kept below: reload to see their change, then save again.");
            }

            db.Entry(membership).Property(m => m.Version).OriginalValue = request.Version;
            var details = request.ToDetails();
            CompositionRules.CheckSeat(profile, await RosterLock.ActiveSeatsAsync(db, request.CommissionId, clock, cancellationToken),
                await RosterLock.SideIdsAsync(db, request.CommissionId, cancellationToken),
                membership.Id, membership.PersonId, request.Role, request.SideId, details);
            membership.Change(request.Role, request.SideId, details);
            return request.Version;
        }
    }
}
