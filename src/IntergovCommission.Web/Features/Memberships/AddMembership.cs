using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Memberships;

/// <summary>
/// Appoint a person to the commission (KZRU-01/02): an existing person or a new one, on a side,
/// in a role, with the appointing act. The secretary of that side or an administrator.
/// </summary>
public static class AddMembership
{
    public sealed class Command : MembershipFields, ICommand<Guid>, ICommissionScoped
    {
        public Guid CommissionId { get; set; }
        public Guid? ExistingPersonId { get; set; }
        public string? FullNameRu { get; set; }
        public string? FullNameKk { get; set; }
        public string? FullNameEn { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            MembershipFieldRules.Apply(this, text);
            RuleFor(x => x.FullNameRu).NotEmpty().When(x => x.ExistingPersonId is null).WithMessage(_ => text["Validation.FullNameRequired"])
                .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.FullNameKk).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.FullNameEn).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => text["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => text["Validation.MaxLength", 256]);
            RuleFor(x => x.Phone).MaximumLength(64).WithMessage(_ => text["Validation.MaxLength", 64]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            CommissionAccess.RequireManageSide(actor, request.CommissionId, request.SideId);
            if (request.ExistingPersonId is not { } personId || actor.IsAdministrator)
            {
                return;
            }

            // Person ids are public (the verification page names signers): a secretary links only a person who
            // sits, or sat, on this commission, or who sits on none; a person of another commission only an administrator.
            var commissions = await db.Memberships.AsNoTracking().Where(m => m.PersonId == personId)
                .Select(m => m.CommissionId).Distinct().ToListAsync(cancellationToken);
            if (commissions.Count > 0 && !commissions.Contains(request.CommissionId))
            {
                throw new ForbiddenException("Only an administrator appoints a person who sits on another commission.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            await RosterLock.TakeAsync(db, request.CommissionId, cancellationToken);

            Person person;
            if (request.ExistingPersonId is Guid existing)
            {
                person = await db.People.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken)
                    ?? throw new InputValidationException(nameof(Command.ExistingPersonId), "The chosen person does not exist.");
            }
            else
            {
                person = new Person(Guid.CreateVersion7(), LocalizedText.Of(request.FullNameKk, request.FullNameRu, request.FullNameEn), request.Email, request.Phone, clock.GetUtcNow());
                db.People.Add(person);
            }

            var details = request.ToDetails();
            CompositionRules.CheckSeat(profile, await RosterLock.ActiveSeatsAsync(db, request.CommissionId, clock, cancellationToken),
                await RosterLock.SideIdsAsync(db, request.CommissionId, cancellationToken),
                null, person.Id, request.Role, request.SideId, details);

            var membership = new Membership(Guid.CreateVersion7(), request.CommissionId, request.SideId, person.Id, request.Role, details);
            db.Memberships.Add(membership);
            return membership.Id;
        }
    }
}

/// <summary>Roster changes of one commission are serialised by a row lock on the commission, so seat limits hold under concurrency.</summary>
internal static class RosterLock
{
    public static async Task TakeAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM commissions WHERE id = {commissionId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0)
        {
            throw new NotFoundException("Commission", commissionId);
        }
    }

    public static async Task<IReadOnlyCollection<Seat>> ActiveSeatsAsync(CommissionDbContext db, Guid commissionId, TimeProvider clock, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.CommissionId == commissionId && m.EndedOn == null)
            .Select(m => new Seat(m.Id, m.PersonId, m.SideId, m.Role))
            .ToListAsync(ct);

    public static async Task<IReadOnlyCollection<Guid>> SideIdsAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct) =>
        await db.Sides.AsNoTracking().Where(s => s.CommissionId == commissionId).Select(s => s.Id).ToListAsync(ct);
}
