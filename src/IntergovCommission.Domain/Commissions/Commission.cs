using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Commissions;

public sealed class Commission
{
    private readonly List<Side> _sides = [];

    private Commission() { Name = LocalizedText.Empty; Code = string.Empty; }

    public Commission(Guid id, string code, LocalizedText name, Guid profileId, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Id = id;
        Code = code.Trim();
        Name = name;
        ProfileId = profileId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public LocalizedText Name { get; private set; }
    public Guid ProfileId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Side> Sides => _sides;
    public uint Version { get; private set; }

    public Side AddSide(Guid id, string code, LocalizedText name, string timeZoneId, LocalizedText appointingAuthority, LocalizedText nominatingBody)
    {
        if (_sides.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException("KZRU-02", "Rule.Commission.SideExists", "KZRU-02 (Regulation cl. 11): side {0} already exists.", code);
        }

        var side = new Side(id, Id, code, name, timeZoneId, appointingAuthority, nominatingBody);
        _sides.Add(side);
        return side;
    }

    public void Rename(LocalizedText name) => Name = name;

    public void ChangeProfile(Guid profileId) => ProfileId = profileId;
}
