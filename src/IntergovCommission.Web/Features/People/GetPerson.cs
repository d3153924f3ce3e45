using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.People;

/// <summary>A person and their memberships (history included). Contacts only for the secretariat, co-chairs and administrators.</summary>
public static class GetPerson
{
    public sealed record Query(Guid PersonId) : IQuery<Result>;

    public sealed record Result(Guid PersonId, LocalizedText FullName, string? Email, string? Phone, bool ContactsVisible, IReadOnlyList<MembershipRow> Memberships);

    public sealed record MembershipRow(Guid MembershipId, Guid CommissionId, string CommissionCode, string? SideCode, CommissionRole Role, LocalizedText Position, LocalizedText Organisation, LocalizedText AppointingAuthority, string? ActNumber, DateOnly? ActDate, DateOnly TermStart, DateOnly? TermEnd, DateOnly? EndedOn, string? EndReason, bool CanManage);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (actor.IsAdministrator || actor.PersonId == request.PersonId)
            {
                return;
            }

            var commissions = await db.Memberships.AsNoTracking().Where(m => m.PersonId == request.PersonId).Select(m => m.CommissionId).Distinct().ToListAsync(cancellationToken);
            if (commissions.Count == 0 && !await db.People.AnyAsync(p => p.Id == request.PersonId, cancellationToken))
            {
                throw new NotFoundException("Person", request.PersonId);
            }

            if (!commissions.Any(actor.IsIn))
            {
                throw new ForbiddenException("You do not share a commission with this person.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var person = await db.People.AsNoTracking().Where(p => p.Id == request.PersonId)
                .Select(p => new { p.Id, p.FullName, p.Email, p.Phone })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Person", request.PersonId);
            var rows = await (from m in db.Memberships.AsNoTracking()
                              join c in db.Commissions on m.CommissionId equals c.Id
                              join s in db.Sides on m.SideId equals s.Id into sides
                              from s in sides.DefaultIfEmpty()
                              where m.PersonId == request.PersonId
                              orderby m.TermStart descending
                              select new { m, c.Code, SideCode = s == null ? null : s.Code })
                .ToListAsync(cancellationToken);
            var visible = rows.Where(r => actor.IsAdministrator || actor.PersonId == request.PersonId || actor.IsIn(r.m.CommissionId)).ToList();
            // Contacts only inside a commission the person sits on now (not one they left, not one that merely knows their id).
            var contacts = actor.PersonId == request.PersonId || actor.IsAdministrator
                || visible.Any(r => !r.m.IsEnded && CommissionAccess.CanSeeContacts(actor, r.m.CommissionId));
            return new Result(person.Id, person.FullName, contacts ? person.Email : null, contacts ? person.Phone : null, contacts,
                visible.Select(r => new MembershipRow(r.m.Id, r.m.CommissionId, r.Code, r.SideCode, r.m.Role, r.m.Position, r.m.Organisation, r.m.AppointingAuthority,
                    r.m.AppointingActNumber, r.m.AppointingActDate, r.m.TermStart, r.m.TermEnd, r.m.EndedOn, r.m.EndReason,
                    !r.m.IsEnded && CommissionAccess.CanManageSide(actor, r.m.CommissionId, r.m.SideId))).ToList());
        }
    }
}
