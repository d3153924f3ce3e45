using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>
/// A change to one session: the page sends the session's version (PostgreSQL xmin) it showed, so
/// a concurrent change is a conflict rather than a silent overwrite. The commission is resolved
/// from the session by the authorizer, never taken from the form.
/// </summary>
public abstract class SessionCommand : ICommand<bool>, ICommissionScoped
{
    public Guid SessionId { get; set; }
    public uint Version { get; set; }
    public Guid CommissionId { get; internal set; }
}

/// <summary>KZRU-07: a secretary of the session's commission (either side) drafts the agenda.</summary>
public abstract class SecretaryOfSession<T>(CommissionDbContext db) : IAuthorizer<T>
    where T : SessionCommand
{
    public async Task AuthorizeAsync(T request, Actor actor, CancellationToken cancellationToken)
    {
        request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
        SessionAccess.RequireSecretary(actor, request.CommissionId);
    }
}

/// <summary>KZRU-04: a co-chair of the session's commission answers on the agenda.</summary>
public abstract class CoChairOfSession<T>(CommissionDbContext db) : IAuthorizer<T>
    where T : SessionCommand
{
    public async Task AuthorizeAsync(T request, Actor actor, CancellationToken cancellationToken)
    {
        request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
        SessionAccess.RequireCoChair(actor, request.CommissionId);
    }
}
