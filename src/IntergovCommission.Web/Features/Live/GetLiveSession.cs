using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// The live state of a session for everyone in the room or on video: the register, quorum with
/// its rule, who presides, each item's ballots with the open, personal roll call (KZRU-17), and
/// what the reader may do. Invitees and people outside the commission do not read it.
/// </summary>
public static class GetLiveSession
{
    public sealed record Query(Guid SessionId) : IQuery<Result>;

    public sealed record Result(
        Guid SessionId,
        Guid CommissionId,
        int SessionNumber,
        SessionState State,
        DateTimeOffset StartsAt,
        string TimeZoneId,
        QuorumResult Quorum,
        int VotersPresent,
        IReadOnlyList<RegisterRow> Register,
        IReadOnlyList<RegisterRow> Presiding,
        IReadOnlyList<ItemView> Items,
        BallotView? OpenBallot,
        Me Me,
        IReadOnlyList<string> Zones,
        BodyRules Rules);

    /// <summary>
    /// What the body's profile says the page shows and offers: the role names, the document languages, whether a state
    /// votes as one (CIS-01), and the council's acts this person may do (CIS-01 credentials, CIS-08, CIS-11).
    /// </summary>
    public sealed record BodyRules(string ProfileCode, bool VotePerState, IReadOnlyList<string> DocumentLanguages, IReadOnlyDictionary<string, LocalizedText> RoleNames,
        IReadOnlyList<StateRef> States, bool CanConfirmCredentials, bool CanDeclareNoInterest, bool CanMarkAffectedStates, bool HasNoInterestRule, bool HasAffectedStateRule)
    {
        /// <summary>CIS-01: the roles that vote for their state only once their credentials are confirmed (none: KZRU).</summary>
        public IReadOnlyList<CommissionRole> CredentialRoles { get; init; } = [];

        /// <summary>The rule on credentials (CIS-01), for the hint beside them.</summary>
        public string? CredentialsRuleId { get; init; }

        /// <summary>The rule on dissenting opinions (KZRU-19 / CIS-08), for the hint beside them.</summary>
        public string DissentRuleId { get; init; } = string.Empty;

        /// <summary>The rule on who presides (KZRU-10 / CIS-03), for the hint beside the presiding persons.</summary>
        public string PresidingRuleId { get; init; } = string.Empty;
    }

    public sealed record StateRef(Guid SideId, string Code, LocalizedText Name);

    public sealed record Me(Guid? MembershipId, CommissionRole? Role, AttendanceMode Mode, bool IsSecretary, bool IsPresiding, bool IsCoChair, bool CanVote, VoteChoice? MyVoteInOpenBallot, bool IsInvitee = false);

    /// <summary>An item with its ballots and its history: referred to an expert group (KZRU-20), deferred (KZRU-11), carried from an earlier session.</summary>
    public sealed record ItemView(Guid Id, int Position, LocalizedText Title, DecisionKind Kind, LocalizedText DraftDecision, IReadOnlyList<BallotView> Ballots, ItemHistory History,
        IReadOnlyList<Guid>? AffectedSideIds = null, IReadOnlyList<Guid>? NoInterestSideIds = null)
    {
        public IReadOnlyList<ReferralSummary> Referrals => History.Referral is { } r ? [r] : [];

        public bool HasOpenBallot => Ballots.Any(b => b.State == BallotState.Open);

        public bool IsAdopted => Ballots.Any(b => b.Adopted == true);

        /// <summary>KZRU-20: may still be referred (no adopted decision, no open vote, not referred, not deferred).</summary>
        public bool MayBeReferred => !IsAdopted && !HasOpenBallot && History.Referral is null && !History.IsDeferred;

        /// <summary>KZRU-11: not reached: never put to the vote, not referred, not yet deferred.</summary>
        public bool MayBeDeferred => Ballots.Count == 0 && History.Referral is null && !History.IsDeferred;
    }

    public sealed record BallotView(Guid Id, Guid AgendaItemId, int Round, BallotState State, string TextKk, string TextRu, string TextHash, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, VoteCount Tally, bool? Adopted, int? VotersPresentAtClose, IReadOnlyList<RollCallRow> RollCall, IReadOnlyList<DissentView> Dissents,
        DateTimeOffset? ClosingAnnouncedFor = null, int? NeededToAdopt = null)
    {
        /// <summary>The voters present who have not voted yet (the roll call lists every voter present).</summary>
        public IReadOnlyList<RollCallRow> NotVoted => RollCall.Where(r => r.Choice is null).ToList();
    }

    public sealed record RollCallRow(Guid MembershipId, LocalizedText Name, string? SideCode, VoteChoice? Choice, bool RecordedBySecretary, DateTimeOffset? CastAt, int Changes = -1);

    public sealed record DissentView(Guid Id, LocalizedText Author, string Language, string Text, DateTimeOffset SubmittedAt);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.InCommission(actor, commissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken) =>
            await BuildAsync(db, await actors.GetActorAsync(cancellationToken), request.SessionId, clock, cancellationToken);
    }

    /// <summary>The live state as <paramref name="actor"/> reads it (the room screen reads it as nobody in particular).</summary>
    public static async Task<Result> BuildAsync(CommissionDbContext db, Actor actor, Guid sessionId, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var request = new Query(sessionId);
        var live = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
        var entries = live.Entries;
        var presiding = SessionRules.Presiding(live.Profile, entries, live.Office);
        var items = await db.Set<AgendaItem>().AsNoTracking()
            .Where(i => i.SessionId == request.SessionId)
            .OrderBy(i => i.Position)
            .Select(i => new { i.Id, i.Position, i.Title, i.DecisionKind, i.DraftDecision, i.AffectedSideIds })
            .ToListAsync(cancellationToken);
        var ballots = await db.Ballots.AsNoTracking().Include(b => b.Votes)
            .Where(b => b.SessionId == request.SessionId)
            .OrderBy(b => b.Round)
            .ToListAsync(cancellationToken);
        var ballotIds = ballots.Select(b => b.Id).ToList();
        var dissents = await db.DissentingOpinions.AsNoTracking()
            .Where(d => ballotIds.Contains(d.BallotId))
            .Join(db.People, d => d.PersonId, p => p.Id, (d, p) => new { d.Id, d.BallotId, p.FullName, d.Language, d.Text, d.SubmittedAt })
            .ToListAsync(cancellationToken);
        var histories = await ItemHistories.LoadAsync(db, [.. items.Select(i => i.Id)], cancellationToken);
        var noInterest = await db.NoInterestDeclarations.AsNoTracking().Where(d => d.SessionId == request.SessionId).Select(d => new { d.AgendaItemId, d.SideId }).ToListAsync(cancellationToken);
        var sideOf = live.Register.ToDictionary(r => r.Entry.MembershipId, r => r.Entry.SideId);
        var names = live.Register.ToDictionary(r => r.Entry.MembershipId);

        BallotView View(Ballot b)
        {
            // The roll call lists every voter present (and anyone who voted), so a missing vote shows too.
            var voters = live.Register.Where(r => SessionRules.IsVoterPresent(live.Profile, r.Entry)).Select(r => r.Entry.MembershipId)
                .Union(b.Votes.Select(v => v.MembershipId));
            var rollCall = voters.Select(id =>
            {
                var vote = b.Votes.FirstOrDefault(v => v.MembershipId == id);
                names.TryGetValue(id, out var row);
                return new RollCallRow(id, row?.Name ?? LocalizedText.Empty, row?.SideCode, vote?.Choice, vote?.RecordedByMembershipId is not null, vote?.CastAt, vote?.Changes ?? -1);
            }).OrderBy(r => r.SideCode).ThenBy(r => r.Name.Ru).ToList();
            // CIS-01: with a vote per state, the tally counts one vote per state.
            var counted = b.CountedVotes(live.Profile.Voting, id => sideOf.GetValueOrDefault(id));
            var tally = new VoteCount(counted.Count(v => v.Choice == VoteChoice.For), counted.Count(v => v.Choice == VoteChoice.Against), counted.Count(v => v.Choice == VoteChoice.Abstain));
            // While the vote is open: how many "for" votes adopt it now (KZRU-17, the profile's majority over its base).
            int? needed = b.State == BallotState.Open
                ? MajorityCalculator.Evaluate(live.Profile.Voting, tally,
                    SessionRules.MajorityBase(live.Profile, live.Entries, noInterest.Where(n => n.AgendaItemId == b.AgendaItemId).Select(n => n.SideId).ToList())).Needed
                : null;
            return new BallotView(b.Id, b.AgendaItemId, b.Round, b.State, b.TextKk, b.TextRu, b.TextHash, b.OpenedAt, b.ClosedAt, tally, b.Adopted, b.VotersPresentAtClose, rollCall,
                dissents.Where(d => d.BallotId == b.Id).Select(d => new DissentView(d.Id, d.FullName, d.Language, d.Text, d.SubmittedAt)).ToList(),
                b.ClosingAnnouncedFor, needed);
        }

        var views = ballots.Select(View).ToList();
        var open = views.FirstOrDefault(b => b.State == BallotState.Open);
        var mine = live.RowOf(actor.PersonId);
        var me = new Me(
            mine?.Entry.MembershipId,
            mine?.Entry.Role,
            mine?.Entry.Mode ?? AttendanceMode.Absent,
            actor.May(live.CommissionId, Capability.KeepRegister),
            mine is not null && presiding.Any(p => p.MembershipId == mine.Entry.MembershipId),
            actor.May(live.CommissionId, Capability.RequireAttendanceInPerson),
            mine is not null && SessionRules.IsVoterPresent(live.Profile, mine.Entry),
            open is null || mine is null ? null : open.RollCall.FirstOrDefault(r => r.MembershipId == mine.Entry.MembershipId)?.Choice,
            mine is null && actor.IsInvitedTo(live.CommissionId));
        // The start on each side's clock: the session's own zone first, then the other sides' (from the commission, not written into the page).
        var sideZones = await db.Sides.AsNoTracking().Where(s => s.CommissionId == live.CommissionId).OrderBy(s => s.Code).Select(s => s.TimeZoneId).ToListAsync(cancellationToken);
        var zones = new[] { live.TimeZoneId }.Concat(sideZones).Distinct(StringComparer.Ordinal).ToList();
        var profile = live.Profile;
        var states = await db.Sides.AsNoTracking().Where(s => s.CommissionId == live.CommissionId).OrderBy(s => s.Code).Select(s => new StateRef(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);
        var rules = new BodyRules(profile.Code, profile.Voting.Unit == VoteUnit.State, profile.Languages.DocumentLanguages,
            profile.Roles.ToDictionary(r => r.Role.ToString(), r => r.Name), states,
            actor.May(live.CommissionId, Capability.ConfirmCredentials), actor.May(live.CommissionId, Capability.DeclareNoInterest),
            actor.May(live.CommissionId, Capability.MarkAffectedStates), profile.Voting.NoInterestRule is not null, profile.Voting.AffectedStateRule is not null)
        {
            CredentialRoles = profile.Voting.Unit == VoteUnit.State ? profile.Voting.SubstituteRoles : [],
            CredentialsRuleId = profile.Voting.CredentialsRule?.Id,
            PresidingRuleId = profile.Presiding.Rule.Id,
            DissentRuleId = profile.Dissent.Rule.Id,
        };
        return new Result(
            live.SessionId, live.CommissionId, live.SessionNumber, live.State, live.StartsAt, live.TimeZoneId,
            SessionRules.Quorum(live.Profile, entries),
            SessionRules.VotersPresent(live.Profile, entries),
            live.Register,
            live.Register.Where(r => presiding.Any(p => p.MembershipId == r.Entry.MembershipId)).ToList(),
            items.Select(i => new ItemView(i.Id, i.Position, i.Title, i.DecisionKind, i.DraftDecision,
                views.Where(v => v.AgendaItemId == i.Id).ToList(),
                histories.GetValueOrDefault(i.Id, ItemHistory.None), i.AffectedSideIds, noInterest.Where(n => n.AgendaItemId == i.Id).Select(n => n.SideId).ToList())).ToList(),
            open,
            me,
            zones,
            rules);
    }
}
