using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>People registered as invited persons of the session's commission (KZRU-14), to link an invitation to an account.</summary>
public static class ListInviteeCandidates
{
    public sealed record Query(Guid SessionId) : IQuery<IReadOnlyList<Candidate>>;

    public sealed record Candidate(Guid PersonId, LocalizedText FullName);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            SessionAccess.RequireSecretary(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Candidate>>
    {
        public async Task<IReadOnlyList<Candidate>> Handle(Query request, CancellationToken cancellationToken)
        {
            var commissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, commissionId, cancellationToken);
            return await db.Memberships.AsNoTracking().InvitedBy(profile)
                .Where(m => m.CommissionId == commissionId && m.EndedOn == null)
                .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new Candidate(p.Id, p.FullName))
                .ToListAsync(cancellationToken);
        }
    }
}
