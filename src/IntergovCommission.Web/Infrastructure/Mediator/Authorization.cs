using IntergovCommission.Domain.Regulation;

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

    /// <summary>
    /// The actor sits on the commission (any role but invitee) or administers the system: a reader of the
    /// commission's records. An invited person is refused (KZRU-14): they see only their own items.
    /// </summary>
    public static void InCommission(Actor actor, Guid commissionId)
    {
        SignedIn(actor);
        if (actor.IsAdministrator || actor.IsIn(commissionId))
        {
            return;
        }

        if (actor.IsInvitedTo(commissionId))
        {
            throw InvitedOnly(actor, commissionId);
        }

        throw new ForbiddenException("You are not on this commission.");
    }

    /// <summary>
    /// The refusal to a person invited to named items who reaches further (KZRU-14): the rule and clause from the
    /// profile's participation of the invited role, the sentence from its key.
    /// </summary>
    public static ForbiddenException InvitedOnly(Actor actor, Guid commissionId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.ProfileOf(commissionId) is { } profile
            ? ForbiddenException.ByRule(profile.InvitationRule(), "Participation.Refused.NamedItemsOnly", "{0} (Regulation {1}): an invited person sees only the agenda items they speak to.")
            : new ForbiddenException("You are not on this commission.");
    }

    /// <summary>
    /// The actor holds the capability in the commission, by its regulation profile; the refusal cites the
    /// profile's rule for it (KZRU-10, CIS-03, ...) in the user's language.
    /// </summary>
    public static void May(Actor actor, Guid commissionId, Domain.Regulation.Capability capability, Guid? targetSideId = null)
    {
        SignedIn(actor);
        if (actor.May(commissionId, capability, targetSideId))
        {
            return;
        }

        if (!actor.IsIn(commissionId) && actor.IsInvitedTo(commissionId))
        {
            throw InvitedOnly(actor, commissionId);
        }

        if (actor.ProfileOf(commissionId) is not { } profile)
        {
            throw new ForbiddenException("You are not on this commission.");
        }

        throw Features.Commissions.CommissionRules.Refusal(profile, capability, ownSideOnly: targetSideId is not null && actor.May(commissionId, capability));
    }

    /// <summary>
    /// The actor sits on the commission or is invited to some of its items: for the few reads whose handler
    /// itself narrows what an invited person sees (the session and its agenda: their items only, KZRU-14).
    /// </summary>
    public static void InCommissionOrInvited(Actor actor, Guid commissionId)
    {
        SignedIn(actor);
        if (!actor.IsAdministrator && !actor.IsIn(commissionId) && !actor.IsInvitedTo(commissionId))
        {
            throw new ForbiddenException("You are not on this commission.");
        }
    }
}
