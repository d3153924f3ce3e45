namespace IntergovCommission.Domain.Voting;

/// <summary>
/// CIS-08 (Regulation s. 5.8): a state declares that it has no interest in a question. It does not
/// block the decision; the profile says whether the state still counts in the majority base. One per
/// state and item (a database constraint).
/// </summary>
public sealed class NoInterestDeclaration
{
    private NoInterestDeclaration() { }

    public NoInterestDeclaration(Guid id, Guid sessionId, Guid agendaItemId, Guid sideId, Guid declaredByPersonId, DateTimeOffset declaredAt)
    {
        Id = id;
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        SideId = sideId;
        DeclaredByPersonId = declaredByPersonId;
        DeclaredAt = declaredAt;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid SideId { get; private set; }
    public Guid DeclaredByPersonId { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}
