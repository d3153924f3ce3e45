using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// Carrying an item onto a later session's draft agenda: a deferred item (KZRU-11) or an item an
/// expert group brings back with its proposal (KZRU-20). Only a later session of the same
/// commission whose agenda is still in preparation receives it (KZRU-11: an approved agenda is
/// fixed). The new item is added through <see cref="Session.AddItem"/>, like any other draft item,
/// and keeps its title, kind, rapporteurs and draft decision.
/// </summary>
public static class CarryOver
{
    /// <summary>KZRU-11: the receiving session is later, of the same commission, and its agenda is not yet approved.</summary>
    public static void RequireReceiving(Session from, Session to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (to.CommissionId != from.CommissionId)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Carry.OtherCommission", "KZRU-11 (Regulation cl. 9): an item goes only onto the agenda of a session of its own commission.");
        }

        if (to.Id == from.Id || to.StartsAt <= from.StartsAt)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Carry.NotLater", "KZRU-11 (Regulation cl. 9): session {0} is not later than session {1}; the item goes onto a later session's agenda.", to.Number, from.Number);
        }

        if (!to.IsAgendaEditable)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Carry.AgendaFixed", "KZRU-11 (Regulation cl. 9): the agenda of session {0} is already approved by the co-chairs (the session is {1}); choose a session whose agenda is still in preparation.", to.Number, to.State);
        }
    }

    /// <summary>KZRU-11: a deferred item of <paramref name="from"/> enters the draft agenda of <paramref name="to"/>, linked back to it.</summary>
    public static AgendaItem CarryDeferred(Session from, AgendaItem source, Session to, Guid newItemId)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireReceiving(from, to);
        if (source.SessionId != from.Id)
        {
            throw new ArgumentException("The item belongs to another session.", nameof(source));
        }

        if (!source.IsDeferred)
        {
            throw new RuleViolationException("KZRU-11", "Agenda.Rule.Carry.NotDeferred", "KZRU-11 (Regulation cl. 9): item {0} of session {1} was not deferred.", source.Position, from.Number);
        }

        return to.AddItem(newItemId, source.Content, proposalId: null, new AgendaItemOrigin(source.Id, AgendaCarry.Deferred, null));
    }
}
