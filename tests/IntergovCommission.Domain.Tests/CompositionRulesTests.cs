using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Tests;

/// <summary>
/// KZRU-01/KZRU-02 as <see cref="CompositionRules.CheckSeat"/> applies them. The roster every case
/// starts from: KZ has a co-chair, a secretary and a member; RU has a deputy co-chair and a member
/// (no co-chair, no secretary yet).
/// </summary>
public sealed class CompositionRulesTests
{
    private static readonly Guid Kz = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ru = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid ForeignSide = Guid.Parse("00000000-0000-0000-0000-00000000000f");
    private static readonly Guid[] CommissionSides = [Kz, Ru];

    private static readonly Dictionary<string, Seat> Roster = new(StringComparer.Ordinal)
    {
        ["kz.cochair"] = Seat(1, Kz, CommissionRole.CoChair),
        ["kz.secretary"] = Seat(2, Kz, CommissionRole.Secretary),
        ["kz.member"] = Seat(3, Kz, CommissionRole.Member),
        ["ru.deputy"] = Seat(4, Ru, CommissionRole.DeputyCoChair),
        ["ru.member"] = Seat(5, Ru, CommissionRole.Member),
    };

    private static readonly DateOnly Start = new(2026, 2, 10);

    public static TheoryData<string, CommissionRole, string, string, string, string?, string?> SeatCases => new()
    {
        // case, role, side, who (a roster key or "new"), editing (a roster key or "none"), expected key (null: allowed), expected rule

        // Side-bound roles need a side of this commission.
        { "member without side", CommissionRole.Member, "none", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "co-chair without side", CommissionRole.CoChair, "none", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "deputy without side", CommissionRole.DeputyCoChair, "none", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "secretary without side", CommissionRole.Secretary, "none", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "representative without side", CommissionRole.Representative, "none", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "member on a foreign side", CommissionRole.Member, "foreign", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "representative on a foreign side", CommissionRole.Representative, "foreign", "new", "none", "Rule.Composition.SideRequired", "KZRU-01" },
        { "member on KZ", CommissionRole.Member, "KZ", "new", "none", null, null },
        { "member on RU", CommissionRole.Member, "RU", "new", "none", null, null },

        // Roles that are not side-bound may go without a side, but never on an unknown one.
        { "invitee without side", CommissionRole.Invitee, "none", "new", "none", null, null },
        { "invitee on KZ", CommissionRole.Invitee, "KZ", "new", "none", null, null },
        { "invitee on a foreign side", CommissionRole.Invitee, "foreign", "new", "none", "Rule.Composition.UnknownSide", "KZRU-01" },

        // One active membership per person.
        { "KZ member appointed again", CommissionRole.Member, "KZ", "kz.member", "none", "Rule.Composition.Duplicate", "KZRU-01" },
        { "RU member appointed on KZ too", CommissionRole.Member, "KZ", "ru.member", "none", "Rule.Composition.Duplicate", "KZRU-01" },
        { "KZ member edited in place", CommissionRole.Member, "KZ", "kz.member", "kz.member", null, null },
        { "RU member edited while another's seat is excluded", CommissionRole.Member, "RU", "ru.member", "kz.member", "Rule.Composition.Duplicate", "KZRU-01" },

        // One co-chair and one secretary per side.
        { "second KZ co-chair", CommissionRole.CoChair, "KZ", "new", "none", "Rule.Composition.SeatTaken", "KZRU-01" },
        { "second KZ secretary", CommissionRole.Secretary, "KZ", "new", "none", "Rule.Composition.SeatTaken", "KZRU-01" },
        { "first RU co-chair", CommissionRole.CoChair, "RU", "new", "none", null, null },
        { "first RU secretary", CommissionRole.Secretary, "RU", "new", "none", null, null },
        { "KZ member promoted to co-chair", CommissionRole.CoChair, "KZ", "kz.member", "kz.member", "Rule.Composition.SeatTaken", "KZRU-01" },
        { "KZ co-chair edited (own seat excluded)", CommissionRole.CoChair, "KZ", "kz.cochair", "kz.cochair", null, null },
        { "KZ secretary edited (own seat excluded)", CommissionRole.Secretary, "KZ", "kz.secretary", "kz.secretary", null, null },
        { "RU member promoted to RU co-chair", CommissionRole.CoChair, "RU", "ru.member", "ru.member", null, null },
        { "RU deputy moved to KZ co-chair", CommissionRole.CoChair, "KZ", "ru.deputy", "ru.deputy", "Rule.Composition.SeatTaken", "KZRU-01" },
        { "second RU deputy (no limit)", CommissionRole.DeputyCoChair, "RU", "new", "none", null, null },
        { "another KZ member (no limit)", CommissionRole.Member, "KZ", "new", "none", null, null },
    };

    [Theory]
    [MemberData(nameof(SeatCases))]
    public void Seat_rules_KZRU_01(string @case, CommissionRole role, string side, string who, string editing, string? expectedKey, string? expectedRule)
    {
        var personId = who == "new" ? Guid.NewGuid() : Roster[who].PersonId;
        Guid? excluding = editing == "none" ? null : Roster[editing].MembershipId;

        var check = () => CompositionRules.CheckSeat(Profiles.Kzru, Roster.Values, CommissionSides, excluding, personId, role, SideOf(side), Appointed());

        AssertOutcome(@case, check, expectedKey, expectedRule);
    }

    public static TheoryData<CommissionRole, bool, bool, bool, string?> ActCases => new()
    {
        // role, has act number, has act date, has appointing authority, expected key (null: allowed)
        { CommissionRole.Member, true, true, true, null },
        { CommissionRole.Member, false, true, true, "Rule.Composition.ActRequired" },
        { CommissionRole.Member, true, false, true, "Rule.Composition.ActRequired" },
        { CommissionRole.Member, true, true, false, "Rule.Composition.ActRequired" },
        { CommissionRole.Member, false, false, false, "Rule.Composition.ActRequired" },
        { CommissionRole.DeputyCoChair, false, false, false, "Rule.Composition.ActRequired" },
        { CommissionRole.CoChair, false, true, true, "Rule.Composition.ActRequired" },
        { CommissionRole.Secretary, true, false, true, "Rule.Composition.ActRequired" },
        { CommissionRole.Representative, false, false, false, null },
        { CommissionRole.Representative, true, true, true, null },
        { CommissionRole.Invitee, false, false, false, null },
    };

    [Theory]
    [MemberData(nameof(ActCases))]
    public void Appointed_roles_need_the_appointing_act_KZRU_02(CommissionRole role, bool number, bool date, bool authority, string? expectedKey)
    {
        // RU has no co-chair and no secretary: the seat itself is free for every role.
        var details = new MembershipDetails(
            Text("Эксперт"), Text("Роскосмос"),
            authority ? Text("Правительство Российской Федерации") : LocalizedText.Empty,
            number ? "№ 312-р" : "  ",
            date ? Start.AddDays(-5) : null,
            Start, null);

        var check = () => CompositionRules.CheckSeat(Profiles.Kzru, Roster.Values, CommissionSides, null, Guid.NewGuid(), role, Ru, details);

        AssertOutcome($"{role} number={number} date={date} authority={authority}", check, expectedKey, expectedKey is null ? null : "KZRU-02");
    }

    [Theory]
    [InlineData(-1, "Rule.Composition.TermOrder")]
    [InlineData(-365, "Rule.Composition.TermOrder")]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(null, null)]
    public void The_term_cannot_end_before_it_starts_KZRU_02(int? endOffsetDays, string? expectedKey)
    {
        var details = Appointed() with { TermEnd = endOffsetDays is int d ? Start.AddDays(d) : null };

        var check = () => CompositionRules.CheckSeat(Profiles.Kzru, Roster.Values, CommissionSides, null, Guid.NewGuid(), CommissionRole.Member, Kz, details);

        AssertOutcome($"term end {endOffsetDays}", check, expectedKey, expectedKey is null ? null : "KZRU-02");
    }

    [Fact]
    public void Ended_memberships_are_not_passed_as_seats_so_a_freed_seat_can_be_filled()
    {
        // The caller passes only active seats: with the KZ co-chair's seat gone, a new KZ co-chair is allowed.
        var active = Roster.Where(kv => kv.Key != "kz.cochair").Select(kv => kv.Value).ToList();
        CompositionRules.CheckSeat(Profiles.Kzru, active, CommissionSides, null, Guid.NewGuid(), CommissionRole.CoChair, Kz, Appointed());
    }

    [Fact]
    public void Refusals_cite_the_rule_and_clause_in_the_message()
    {
        var ex = Assert.Throws<RuleViolationException>(() =>
            CompositionRules.CheckSeat(Profiles.Kzru, Roster.Values, CommissionSides, null, Guid.NewGuid(), CommissionRole.CoChair, Kz, Appointed()));
        Assert.StartsWith("KZRU-01 (Regulation cl. 4)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(1, ex.Arguments.OfType<int>());
    }

    private static void AssertOutcome(string @case, Action check, string? expectedKey, string? expectedRule)
    {
        if (expectedKey is null)
        {
            var error = Record.Exception(check);
            Assert.True(error is null, $"{@case}: expected to be allowed, but got {error?.GetType().Name}: {error?.Message}");
            return;
        }

        var ex = Assert.Throws<RuleViolationException>(check);
        Assert.True(expectedKey == ex.Key, $"{@case}: expected {expectedKey}, got {ex.Key} ({ex.Message})");
        Assert.Equal(expectedRule, ex.RuleId);
    }

    private static Guid? SideOf(string side) => side switch
    {
        "KZ" => Kz,
        "RU" => Ru,
        "foreign" => ForeignSide,
        _ => null,
    };

    private static Seat Seat(int n, Guid side, CommissionRole role) =>
        new(Guid.Parse($"10000000-0000-0000-0000-{n:D12}"), Guid.Parse($"20000000-0000-0000-0000-{n:D12}"), side, role);

    private static MembershipDetails Appointed() => new(
        Text("Эксперт"), Text("Аэрокосмический комитет"), Text("Правительство Республики Казахстан"), "№ 95", Start, Start, null);

    private static LocalizedText Text(string ru) => LocalizedText.Of(null, ru);
}
