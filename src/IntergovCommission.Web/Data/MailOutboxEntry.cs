namespace IntergovCommission.Web.Data;

/// <summary>Where an outbox row stands.</summary>
public static class MailState
{
    /// <summary>Written with its notification; not yet decided or sent.</summary>
    public const string Pending = "pending";
    public const string Sent = "sent";
    /// <summary>Not sent by choice: no address, no account, or the person did not choose this kind by e-mail.</summary>
    public const string Skipped = "skipped";
    /// <summary>Gave up after the last retry (the error is kept).</summary>
    public const string Failed = "failed";
}

/// <summary>
/// One e-mail a notification may cause (issue 15 item 5). Written in the same transaction as the
/// notification, so a mail exists exactly when its notification does; the background sender
/// (<c>Features/Notifications/MailSender</c>) decides, renders in the recipient's language and sends, outside any request.
/// </summary>
public sealed class MailOutboxEntry
{
    private MailOutboxEntry() { Kind = string.Empty; State = MailState.Pending; }

    public MailOutboxEntry(Guid id, Guid notificationId, Guid recipientPersonId, string kind, DateTimeOffset createdAt)
    {
        Id = id;
        NotificationId = notificationId;
        RecipientPersonId = recipientPersonId;
        Kind = kind;
        CreatedAt = createdAt;
        State = MailState.Pending;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid NotificationId { get; private set; }
    public Guid RecipientPersonId { get; private set; }
    public string Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? ToAddress { get; private set; }
    public string? Language { get; private set; }
    public string? Subject { get; private set; }
    /// <summary>"smtp" or "pickup".</summary>
    public string? DeliveredVia { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void Skip(string reason, DateTimeOffset at)
    {
        State = MailState.Skipped;
        LastError = reason;
        SentAt = at;
    }

    public void Sent(string to, string language, string subject, string via, DateTimeOffset at)
    {
        ToAddress = to;
        Language = language;
        Subject = subject;
        DeliveredVia = via;
        State = MailState.Sent;
        SentAt = at;
        Attempts++;
        LastError = null;
    }

    /// <summary>A failed attempt: retried after a growing delay, given up after <paramref name="maxAttempts"/>.</summary>
    public void Failed(string to, string error, DateTimeOffset at, int maxAttempts, TimeSpan firstDelay)
    {
        ToAddress = to;
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= maxAttempts)
        {
            State = MailState.Failed;
            return;
        }

        NextAttemptAt = at + firstDelay * Math.Pow(2, Attempts - 1);
    }
}
