using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Memberships;

/// <summary>End a membership (KZRU-02): it stays in the roster's history with the date and the reason (WF-02: reasoned).</summary>
public static class EndMembership
{
    public sealed class Command : ICommand<bool>, ICommissionScoped
    {
        public Guid MembershipId { get; set; }

        /// <summary>The membership's own commission, set by the authorizer: the route id is the only id that counts.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid CommissionId { get; internal set; }
        public uint Version { get; set; }
        public DateOnly? EndedOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.EndedOn).NotNull().WithMessage(_ => text["Validation.EndedOnRequired"]);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Validation.EndReasonRequired"])
                .MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
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
            CommissionAccess.RequireManageSide(actor, current.CommissionId, current.SideId);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var membership = await db.Memberships.SingleAsync(m => m.Id == request.MembershipId, cancellationToken);
            if (membership.Version != request.Version)
            {
                throw new ConflictException("Someone else saved a change to this membership after you opened it. Reload to see their change.");
            }

            db.Entry(membership).Property(m => m.Version).OriginalValue = request.Version;
            membership.End(request.EndedOn!.Value, request.Reason!);
            return true;
        }
    }
}
