using IntergovCommission.Domain.Materials;

namespace IntergovCommission.Web.Data;

/// <summary>
/// KZRU-13 (Regulation cl. 9): one version of one document submitted for an agenda item, sent to
/// the co-chairs through the secretary of the submitting side. A new version is a new row: the
/// old one is never erased. The bytes live in <see cref="StoredFile"/>, committed in the same
/// transaction as this record.
/// </summary>
public sealed class Material
{
    private Material() { Title = string.Empty; FileName = string.Empty; Sha256 = string.Empty; }

    public Material(Guid id, Guid sessionId, Guid agendaItemId, Guid fileId, string title, string fileName, MaterialFileType fileType,
        long size, string sha256, Guid submittedByPersonId, Guid throughSideId, Guid uploadedByPersonId, DateTimeOffset uploadedAt, int versionNumber)
    {
        Id = id;
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        FileId = fileId;
        Title = title;
        FileName = fileName;
        FileType = fileType;
        Size = size;
        Sha256 = sha256;
        SubmittedByPersonId = submittedByPersonId;
        ThroughSideId = throughSideId;
        UploadedByPersonId = uploadedByPersonId;
        UploadedAt = uploadedAt;
        VersionNumber = versionNumber;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public Guid FileId { get; private set; }
    /// <summary>The logical document; its versions share the title.</summary>
    public string Title { get; private set; }
    /// <summary>The original file name, sanitised.</summary>
    public string FileName { get; private set; }
    public MaterialFileType FileType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
    public Guid SubmittedByPersonId { get; private set; }
    /// <summary>KZRU-13: the side whose secretary passes it to the co-chairs.</summary>
    public Guid ThroughSideId { get; private set; }
    public Guid UploadedByPersonId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public int VersionNumber { get; private set; }
}
