namespace IntergovCommission.Web.Data;

/// <summary>
/// A reminder of a fixed report date that was sent (WF-05: 15 June, 15 December, 10 January; WF-07: 10 January): one per commission,
/// report kind, date and stage ("Coming" some working days before, "Due" on the day). The key makes it go once across restarts and instances.
/// </summary>
public sealed class ReportDateReminder
{
    private ReportDateReminder() { Kind = string.Empty; Stage = string.Empty; }

    public Guid CommissionId { get; private set; }
    public string Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Stage { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
