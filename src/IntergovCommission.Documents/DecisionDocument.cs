namespace IntergovCommission.Documents;

/// <summary>
/// Everything printed on a decision (product step 7-8, KZRU-17..23). The text is given as paragraphs in
/// each language; paragraph i of the Kazakh text is printed level with paragraph i of the Russian text.
/// Only the languages of <see cref="Body"/> are printed (a Russian-only body leaves <see cref="TextKk"/> empty).
/// </summary>
/// <param name="Number">The decision number, e.g. "5-3" (session 5, item 3).</param>
/// <param name="Kind">The decision kind as worded in the profile, e.g. "Start of flight tests": internal, written to the PDF's properties, not printed.</param>
/// <param name="SignatureCopies">Copies of the signature sheet: 2 on the full route (KZRU-18), 1 on the short route (KZRU-21).</param>
/// <param name="ContentHash">The canonical content hash in hex (SHA-256), as signed by the signers.</param>
/// <param name="VerificationUrl">The public verification page; printed and encoded in the QR code.</param>
/// <param name="SignedByPosition">Each signer signs under the position (CIS-09: «Председатель Совета ____ И.О. Фамилия»)
/// rather than under the members' or secretaries' heading.</param>
/// <param name="Body">The issuing body's words and document languages; null: the Interstate Commission, Kazakh ‖ Russian.</param>
/// <param name="AuditCheckpoint">
/// The signed checkpoint of the server's audit trail when the decision was issued, as "length/head hash"
/// (issue #14): every issued PDF witnesses the trail up to that moment. Null: not printed.
/// </param>
public sealed record DecisionDocument(
    BilingualText CommissionName,
    string Number,
    DateOnly Date,
    BilingualText Place,
    int SessionNumber,
    BilingualText AgendaItemTitle,
    BilingualText Kind,
    IReadOnlyList<string> TextKk,
    IReadOnlyList<string> TextRu,
    IReadOnlyList<CoChairApproval> Approvals,
    IReadOnlyList<SignatureEntry> Signatures,
    int SignatureCopies,
    IReadOnlyList<RollCallEntry> RollCall,
    IReadOnlyList<DissentingOpinion> DissentingOpinions,
    string ContentHash,
    Uri VerificationUrl,
    bool SignedByPosition = false,
    [property: System.Text.Json.Serialization.JsonIgnore] IssuingBody? Body = null,
    string? AuditCheckpoint = null);

/// <summary>A line of the signature sheet; <see cref="SignedAt"/> carries the signer's offset and is null while awaited.</summary>
public sealed record SignatureEntry(BilingualText Name, BilingualText Side, BilingualText Role, DateTimeOffset? SignedAt);

/// <summary>A line of the roll call (annex 1). <see cref="RecordedBySecretary"/>: the secretary entered the vote on the member's word.</summary>
public sealed record RollCallEntry(BilingualText Name, BilingualText Side, VoteChoice Vote, bool RecordedBySecretary);
