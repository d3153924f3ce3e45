using IntergovCommission.Domain.Materials;

namespace IntergovCommission.Web.Data;

/// <summary>A file attached to an assignment report (WF-05): the bytes in <see cref="StoredFile"/>, the same upload rules as materials.</summary>
public sealed class AssignmentReportFile
{
    private AssignmentReportFile() { FileName = string.Empty; Sha256 = string.Empty; }

    public AssignmentReportFile(Guid id, Guid reportId, Guid fileId, string fileName, MaterialFileType fileType, long size, string sha256)
    {
        Id = id;
        ReportId = reportId;
        FileId = fileId;
        FileName = fileName;
        FileType = fileType;
        Size = size;
        Sha256 = sha256;
    }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public Guid FileId { get; private set; }
    public string FileName { get; private set; }
    public MaterialFileType FileType { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; }
}
