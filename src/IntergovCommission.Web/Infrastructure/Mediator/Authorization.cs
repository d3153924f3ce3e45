namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>
/// Decides whether the actor may send this request. Every request type must have one (the
/// authorization behaviour refuses a request that has none): the handler is the gate.
/// Implementations throw <see cref="ForbiddenException"/> or <see cref="NotFoundException"/>.
/// </summary>
public interface IAuthorizer<in TRequest>
{
    Task AuthorizeAsync(TRequest request, Actor actor, CancellationToken cancellationToken);
}

/// <summary>Shared checks the authorizers compose.</summary>
public static class Require
{
    public static void SignedIn(Actor actor)
    {
        if (!actor.IsAuthenticated)
        {
            throw new ForbiddenException("Sign in first.");
        }
    }

    public static void Administrator(Actor actor)
    {
        SignedIn(actor);
        if (!actor.IsAdministrator)
        {
            throw new ForbiddenException("Only an administrator may do this.");
        }
    }

    /// <summary>The actor belongs to the commission (any role) or administers the system.</summary>
    public static void InCommission(Actor actor, Guid commissionId)
    {
        SignedIn(actor);
        if (!actor.IsAdministrator && !actor.IsIn(commissionId))
        {
            throw new ForbiddenException("You are not on this commission.");
        }
    }
}
