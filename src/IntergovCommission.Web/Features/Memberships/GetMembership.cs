using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Memberships;

/// <summary>One membership as its edit form needs it; only those who may manage its side read it this way.</summary>
public static class GetMembership
{
    public sealed record Query(Guid MembershipId) : IQuery<Result>;

    public sealed record Result(Guid MembershipId, Guid CommissionId, string CommissionCode, Guid PersonId, LocalizedText PersonName, uint Version, bool IsEnded, EditMembership.Command Form);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var current = await db.Memberships.AsNoTracking()
                .Where(m => m.Id == request.MembershipId)
                .Select(m => new { m.CommissionId, m.SideId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            CommissionAccess.RequireManageSide(actor, current.CommissionId, current.SideId);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var row = await db.Memberships.AsNoTracking()
                .Where(m => m.Id == request.MembershipId)
                .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m, p.FullName })
                .Join(db.Commissions, x => x.m.CommissionId, c => c.Id, (x, c) => new { x.m, x.FullName, c.Code })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Membership", request.MembershipId);
            var m = row.m;
            var form = new EditMembership.Command
            {
                MembershipId = m.Id,
                CommissionId = m.CommissionId,
                Version = m.Version,
                SideId = m.SideId,
                Role = m.Role,
                PositionRu = m.Position.Ru,
                PositionKk = m.Position.Kk,
                PositionEn = m.Position.En,
                OrganisationRu = m.Organisation.Ru,
                OrganisationKk = m.Organisation.Kk,
                OrganisationEn = m.Organisation.En,
                AppointingAuthorityRu = m.AppointingAuthority.Ru,
                AppointingAuthorityKk = m.AppointingAuthority.Kk,
                AppointingActNumber = m.AppointingActNumber,
                AppointingActDate = m.AppointingActDate,
                TermStart = m.TermStart,
                TermEnd = m.TermEnd,
            };
            return new Result(m.Id, m.CommissionId, row.Code, m.PersonId, row.FullName, m.Version, m.IsEnded, form);
        }
    }
}

/// <summary>Sides of a commission, for the side select of a form.</summary>
public static class ListSides
{
    public sealed record Query(Guid CommissionId) : IQuery<IReadOnlyList<Item>>, ICommissionScoped;

    public sealed record Item(Guid Id, string Code, LocalizedText Name, LocalizedText AppointingAuthority);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Sides.AsNoTracking()
                .Where(s => s.CommissionId == request.CommissionId)
                .OrderBy(s => s.Code)
                .Select(s => new Item(s.Id, s.Code, s.Name, s.AppointingAuthority))
                .ToListAsync(cancellationToken);
    }
}

/// <summary>The roles a form offers: the appointed roles of the commission's profile (not offices held by rotation), with their names.</summary>
public static class RoleChoices
{
    public sealed record Choice(CommissionRole Role, Domain.Common.LocalizedText? Name);

    public static IReadOnlyList<Choice> For(Domain.Regulation.RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Roles.Count == 0
            ? [.. Enum.GetValues<CommissionRole>().Select(r => new Choice(r, null))]
            : [.. profile.Roles.Where(r => !r.Office).Select(r => new Choice(r.Role, r.Name))];
    }
}
