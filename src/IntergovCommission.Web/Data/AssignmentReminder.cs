namespace IntergovCommission.Web.Data;

/// <summary>
/// A reminder about an assignment's deadline that was sent: one per assignment, kind and deadline (an approved extension is a new
/// deadline and is reminded again). The key makes it go once across restarts and instances.
/// </summary>
public sealed class AssignmentReminder
{
    private AssignmentReminder() { Kind = string.Empty; }

    public Guid AssignmentId { get; private set; }
    /// <summary>"Coming" (the set number of working days before) or "Overdue" (the day after the deadline; the controller too).</summary>
    public string Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
