using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Commissions;

/// <summary>A national part of the commission (KZRU-02): who appoints it and on whose proposal.</summary>
public sealed class Side
{
    private Side() { Code = string.Empty; Name = LocalizedText.Empty; TimeZoneId = "UTC"; AppointingAuthority = LocalizedText.Empty; NominatingBody = LocalizedText.Empty; }

    internal Side(Guid id, Guid commissionId, string code, LocalizedText name, string timeZoneId, LocalizedText appointingAuthority, LocalizedText nominatingBody)
    {
        Id = id;
        CommissionId = commissionId;
        Code = code.Trim().ToUpperInvariant();
        Name = name;
        TimeZoneId = timeZoneId;
        AppointingAuthority = appointingAuthority;
        NominatingBody = nominatingBody;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public string Code { get; private set; }
    public LocalizedText Name { get; private set; }
    /// <summary>IANA zone of the side's capital (Asia/Almaty for Astana, Europe/Moscow).</summary>
    public string TimeZoneId { get; private set; }
    /// <summary>KZRU-02: the Government that appoints this national part.</summary>
    public LocalizedText AppointingAuthority { get; private set; }
    /// <summary>KZRU-02: the body on whose proposal members are appointed.</summary>
    public LocalizedText NominatingBody { get; private set; }
}
