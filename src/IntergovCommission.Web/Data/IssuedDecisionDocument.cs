namespace IntergovCommission.Web.Data;

/// <summary>
/// The issued PDF of one decision version (KZRU-18): the signed bytes live in a <see cref="StoredFile"/>;
/// the SHA-256 of those exact bytes is what the public verification page compares an upload with.
/// </summary>
public sealed class IssuedDecisionDocument
{
    private IssuedDecisionDocument() { Sha256 = string.Empty; }

    public IssuedDecisionDocument(Guid id, Guid decisionId, int versionNumber, Guid fileId, string sha256, DateTimeOffset issuedAt)
    {
        Id = id;
        DecisionId = decisionId;
        VersionNumber = versionNumber;
        FileId = fileId;
        Sha256 = sha256;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid FileId { get; private set; }
    public string Sha256 { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
}
