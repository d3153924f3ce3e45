namespace IntergovCommission.Domain.Treaties;

/// <summary>
/// Fields (1)-(8) of a treaty in the register (WF-07, seed 004 annex 1): what the annual report on its execution repeats each year.
/// </summary>
/// <param name="NameRu">(1) The full official name, Russian.</param>
/// <param name="NameKk">(1) The full official name, Kazakh.</param>
/// <param name="ConcludedOn">(2) The date of conclusion.</param>
/// <param name="SigningActs">(3) The legal acts on signing (name, date, number).</param>
/// <param name="InForceOn">(4) The date of entry into force (none while it is not in force).</param>
/// <param name="InForceActs">(5) The acts on the internal procedures needed for entry into force (name, date, number).</param>
/// <param name="Validity">(6) The term of validity (its end date, or how it ends).</param>
/// <param name="ResponsibleBodies">(7) The central state bodies responsible for it, the lead one marked.</param>
/// <param name="Subject">(8) The subject of regulation.</param>
public sealed record TreatyDetails(
    string? NameRu,
    string? NameKk,
    DateOnly ConcludedOn,
    string? SigningActs,
    DateOnly? InForceOn,
    string? InForceActs,
    string? Validity,
    string? ResponsibleBodies,
    string? Subject);

/// <summary>
/// A treaty the commission serves (WF-07): kept in the commission's register by the secretaries. The reporting side is the side whose
/// central state body reports on it to its Ministry of Foreign Affairs (for the KZRU commission: the Kazakh side, seed 004 cl. 2).
/// </summary>
public sealed class Treaty
{
    private Treaty() { NameRu = string.Empty; }

    public Treaty(Guid id, Guid commissionId, Guid reportingSideId, TreatyDetails details, Guid createdByPersonId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        Id = id;
        CommissionId = commissionId;
        ReportingSideId = reportingSideId;
        CreatedByPersonId = createdByPersonId;
        CreatedAt = createdAt;
        NameRu = string.Empty;
        Change(reportingSideId, details);
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid ReportingSideId { get; private set; }
    public string NameRu { get; private set; }
    public string? NameKk { get; private set; }
    public DateOnly ConcludedOn { get; private set; }
    public string? SigningActs { get; private set; }
    public DateOnly? InForceOn { get; private set; }
    public string? InForceActs { get; private set; }
    public string? Validity { get; private set; }
    public string? ResponsibleBodies { get; private set; }
    public string? Subject { get; private set; }
    public Guid CreatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public TreatyDetails Details => new(NameRu, NameKk, ConcludedOn, SigningActs, InForceOn, InForceActs, Validity, ResponsibleBodies, Subject);

    /// <summary>Correct fields (1)-(8) or the reporting side.</summary>
    public void Change(Guid reportingSideId, TreatyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        ReportingSideId = reportingSideId;
        NameRu = details.NameRu ?? details.NameKk ?? string.Empty;
        NameKk = details.NameKk;
        ConcludedOn = details.ConcludedOn;
        SigningActs = details.SigningActs;
        InForceOn = details.InForceOn;
        InForceActs = details.InForceActs;
        Validity = details.Validity;
        ResponsibleBodies = details.ResponsibleBodies;
        Subject = details.Subject;
    }
}
