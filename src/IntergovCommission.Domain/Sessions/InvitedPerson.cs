using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// A non-member invited to a session (KZRU-07, KZRU-14): who, from where, the agenda items they
/// speak to and their topics. Part of what the co-chairs approve with the agenda.
/// </summary>
public sealed class InvitedPerson
{
    private InvitedPerson() { FullName = string.Empty; Organisation = string.Empty; ItemIds = []; }

    internal InvitedPerson(Guid id, Guid sessionId, InviteeContent content)
    {
        Id = id;
        SessionId = sessionId;
        FullName = string.Empty;
        Organisation = string.Empty;
        ItemIds = [];
        Apply(content);
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string FullName { get; private set; }
    public string Organisation { get; private set; }

    /// <summary>The organisation in Kazakh for the Kazakh text of the documents; null when not given.</summary>
    public string? OrganisationKk { get; private set; }
    /// <summary>The person's record when they have an account (an Invitee membership): they then see their items.</summary>
    public Guid? PersonId { get; private set; }
    public string? Topics { get; private set; }

    /// <summary>The topics in Kazakh for the Kazakh text of the documents; null when not given.</summary>
    public string? TopicsKk { get; private set; }
    /// <summary>KZRU-14: the agenda items this person speaks to; the only items they see.</summary>
    public Guid[] ItemIds { get; private set; }

    internal void Apply(InviteeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(content.FullName) || string.IsNullOrWhiteSpace(content.Organisation))
        {
            throw new RuleViolationException("KZRU-07", "Agenda.Rule.Invitee.NameRequired", "KZRU-07 (Regulation cl. 8): an invited person needs a name and an organisation.");
        }

        FullName = content.FullName.Trim();
        Organisation = content.Organisation.Trim();
        PersonId = content.PersonId;
        Topics = string.IsNullOrWhiteSpace(content.Topics) ? null : content.Topics.Trim();
        OrganisationKk = string.IsNullOrWhiteSpace(content.OrganisationKk) ? null : content.OrganisationKk.Trim();
        TopicsKk = string.IsNullOrWhiteSpace(content.TopicsKk) ? null : content.TopicsKk.Trim();
        ItemIds = [.. content.ItemIds.Distinct()];
    }

    internal void ForgetItem(Guid itemId) => ItemIds = [.. ItemIds.Where(i => i != itemId)];
}
