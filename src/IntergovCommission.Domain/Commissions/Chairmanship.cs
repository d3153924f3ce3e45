using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Commissions;

/// <summary>
/// CIS-03: one state's term in the chair of a body whose chair rotates. The term is the system's
/// proposal (the next state in Russian alphabetical order, for at most the profile's months) or what
/// the council decided otherwise, recorded with the decision that says so.
/// </summary>
public sealed class Chairmanship
{
    private Chairmanship() { Basis = string.Empty; }

    public Chairmanship(Guid id, Guid commissionId, Guid sideId, DateOnly startsOn, DateOnly endsOn, string? basis, DateTimeOffset recordedAt, Guid? recordedByPersonId)
    {
        Id = id;
        CommissionId = commissionId;
        SideId = sideId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Basis = basis?.Trim() ?? string.Empty;
        RecordedAt = recordedAt;
        RecordedByPersonId = recordedByPersonId;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid SideId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>The council's decision that set this term otherwise than the rotation (empty when it follows the rotation).</summary>
    public string Basis { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? RecordedByPersonId { get; private set; }
}

/// <summary>A term of the chair as the rotation sees it.</summary>
public sealed record ChairTerm(Guid SideId, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// CIS-03 (Regulation s. 4.3): the chair rotates among the states in Russian alphabetical order of
/// their names, for at most a year unless the council decides otherwise; the previous and the next
/// chair are co-chairs and one of them replaces an absent chair. Pure.
/// </summary>
public static class ChairRotation
{
    private static readonly StringComparer Russian = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true);

    /// <summary>The states in the order the chair passes among them: Russian alphabetical order of their names.</summary>
    public static IReadOnlyList<Guid> Order(IEnumerable<(Guid SideId, string RussianName)> states) =>
        states.OrderBy(s => s.RussianName, Russian).Select(s => s.SideId).ToList();

    /// <summary>The chair and the co-chairs on a day; null when no term covers it.</summary>
    public static ChairOffice? OfficeOn(IReadOnlyCollection<ChairTerm> terms, IReadOnlyList<Guid> order, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(order);
        var current = terms.FirstOrDefault(t => t.StartsOn <= day && day <= t.EndsOn);
        if (current is null)
        {
            return null;
        }

        var previous = terms.Where(t => t.EndsOn < current.StartsOn).OrderByDescending(t => t.EndsOn).FirstOrDefault()?.SideId
            ?? Neighbour(order, current.SideId, -1);
        var next = terms.Where(t => t.StartsOn > current.EndsOn).OrderBy(t => t.StartsOn).FirstOrDefault()?.SideId
            ?? Neighbour(order, current.SideId, +1);
        var coChairs = new List<Guid>();
        foreach (var side in new[] { previous, next })
        {
            if (side is Guid s && s != current.SideId && !coChairs.Contains(s))
            {
                coChairs.Add(s);
            }
        }

        return new ChairOffice(current.SideId, coChairs);
    }

    /// <summary>The system's proposal for the next term: the state after the last chair in the order, from the day after its term, for the profile's longest term.</summary>
    public static ChairTerm ProposeNext(IReadOnlyCollection<ChairTerm> terms, IReadOnlyList<Guid> order, PresidingRule rule, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(rule);
        if (order.Count == 0)
        {
            throw new RuleViolationException(rule.Rule.Id, "Rule.Chair.NoStates", "{0} (Regulation {1}): the council has no states to chair it.", rule.Rule.Id, rule.Rule.Clause);
        }

        var last = terms.OrderByDescending(t => t.EndsOn).FirstOrDefault();
        var side = last is null ? order[0] : Neighbour(order, last.SideId, +1) ?? order[0];
        var start = last is null ? today : last.EndsOn.AddDays(1);
        return new ChairTerm(side, start, start.AddMonths(rule.MaxTermMonths).AddDays(-1));
    }

    /// <summary>
    /// CIS-03: a term recorded otherwise than the rotation proposes (another state, or longer than the
    /// profile's months) needs the council's decision that says so; terms never overlap.
    /// </summary>
    public static void CheckTerm(IReadOnlyCollection<ChairTerm> terms, IReadOnlyList<Guid> order, PresidingRule rule, ChairTerm term, string? basis, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(term);
        var r = rule.Rule;
        if (term.EndsOn < term.StartsOn)
        {
            throw new RuleViolationException(r.Id, "Rule.Chair.EndBeforeStart", "{0} (Regulation {1}): a chair's term cannot end before it starts.", r.Id, r.Clause);
        }

        if (terms.Any(t => t.StartsOn <= term.EndsOn && term.StartsOn <= t.EndsOn))
        {
            throw new RuleViolationException(r.Id, "Rule.Chair.Overlap", "{0} (Regulation {1}): this term overlaps a recorded chair's term.", r.Id, r.Clause);
        }

        var proposal = ProposeNext(terms, order, rule, today);
        var longer = term.EndsOn > term.StartsOn.AddMonths(rule.MaxTermMonths).AddDays(-1);
        if ((term.SideId != proposal.SideId || longer) && string.IsNullOrWhiteSpace(basis))
        {
            throw new RuleViolationException(r.Id, "Rule.Chair.NeedsDecision",
                "{0} (Regulation {1}): the chair passes to the next state in Russian alphabetical order for at most {2} months; anything else needs the council's decision (give its number and date).",
                r.Id, r.Clause, rule.MaxTermMonths);
        }
    }

    private static Guid? Neighbour(IReadOnlyList<Guid> order, Guid side, int step)
    {
        var index = order.ToList().IndexOf(side);
        if (index < 0 || order.Count < 2)
        {
            return null;
        }

        return order[((index + step) % order.Count + order.Count) % order.Count];
    }
}
