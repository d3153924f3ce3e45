using NpgsqlTypes;

namespace IntergovCommission.Web.Data;

/// <summary>
/// One searchable record (a decision, an agenda item, a proposal, a material or a held session's
/// minutes), written only by the triggers of migration 0033 in the transaction that writes the
/// record itself; the application reads it (Features/Search). Its id is the record's id.
/// </summary>
public sealed class SearchEntry
{
    private SearchEntry() { Kind = string.Empty; TitleRu = string.Empty; TitleKk = string.Empty; TitleEn = string.Empty; Body = string.Empty; Document = null!; }

    public Guid Id { get; private set; }
    public string Kind { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid? AgendaItemId { get; private set; }
    public Guid? SideId { get; private set; }
    public Guid? PersonId { get; private set; }
    public int Year { get; private set; }
    public string? Number { get; private set; }
    public string TitleRu { get; private set; }
    public string TitleKk { get; private set; }
    public string TitleEn { get; private set; }
    public string Body { get; private set; }
    public NpgsqlTsVector Document { get; private set; }
}

/// <summary>The text extracted from an uploaded material (PDF, DOCX) for the search; one row per material.</summary>
public sealed class MaterialText
{
    private MaterialText() { Text = string.Empty; Outcome = string.Empty; }

    public MaterialText(Guid materialId, string text, string outcome, DateTimeOffset extractedAt)
    {
        MaterialId = materialId;
        Text = text;
        Outcome = outcome;
        ExtractedAt = extractedAt;
    }

    public Guid MaterialId { get; private set; }
    public string Text { get; private set; }

    /// <summary>extracted, empty (nothing to read: an image, a scan), failed, unsupported.</summary>
    public string Outcome { get; private set; }
    public DateTimeOffset ExtractedAt { get; private set; }
}
