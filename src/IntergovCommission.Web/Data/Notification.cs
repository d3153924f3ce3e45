using System.Text.Json;

namespace IntergovCommission.Web.Data;

/// <summary>
/// An in-app notification (the bell): the text is a resource key with arguments, so each
/// recipient reads it in their own interface language.
/// </summary>
public sealed class Notification
{
    private Notification() { Kind = string.Empty; TextKey = string.Empty; Arguments = "[]"; }

    public Notification(Guid id, Guid recipientPersonId, Guid? commissionId, string kind, string textKey, IReadOnlyList<string> arguments, string? link, DateTimeOffset createdAt)
    {
        Id = id;
        RecipientPersonId = recipientPersonId;
        CommissionId = commissionId;
        Kind = kind;
        TextKey = textKey;
        Arguments = JsonSerializer.Serialize(arguments);
        Link = link;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid RecipientPersonId { get; private set; }
    public Guid? CommissionId { get; private set; }
    public string Kind { get; private set; }
    public string TextKey { get; private set; }
    public string Arguments { get; private set; }
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public string[] ArgumentList() => JsonSerializer.Deserialize<string[]>(Arguments) ?? [];

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
