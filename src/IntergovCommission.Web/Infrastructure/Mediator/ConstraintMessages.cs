using IntergovCommission.Web.Data;
using IntergovCommission.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>Turns a database uniqueness constraint into a sentence a person understands, citing the rule.</summary>
public sealed class ConstraintMessages
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal)
    {
        [MembershipConfiguration.ActivePersonIndex] = "KZRU-01 (Regulation cl. 4): this person already holds an active membership in this commission; end it or edit it instead.",
        [VoteConfiguration.OnePerMember] = "KZRU-17 (Regulation cl. 10): your vote was being recorded at the same moment; it counts once. Reload to see it.",
        [BallotConfiguration.OneOpenPerSession] = "KZRU-17 (Regulation cl. 10): another vote was opened at the same moment; only one vote is open at a time.",
        ["ix_commissions_code"] = "A commission with this code already exists (created a moment ago). Choose another code.",
        ["user_name_index"] = "A user with this user name already exists (created a moment ago). Choose another user name.",
        ["ix_identity_users_person_id"] = "This person already has a sign-in (created a moment ago).",
        [SessionConfiguration.NumberIndex] = "Another secretary created a session with this number a moment ago; the number is the next free one on a new try. Reload the list and check.",
        [AgendaApprovalConfiguration.OnePerVersionIndex] = "KZRU-11 (Regulation cl. 9): you have already answered on this version of the agenda.",
        [UnscheduledAcceptanceConfiguration.OnePerCoChairIndex] = "KZRU-12 (Regulation cl. 9): you have already accepted this unscheduled item.",
        [AgendaItemConfiguration.ProposalIndex] = "KZRU-06 (Regulation cl. 7): this proposal is already on the agenda.",
        [AgendaItemConfiguration.CarriedFromIndex] = "KZRU-11 (Regulation cl. 9): this item was carried onto a later agenda a moment ago; it is there once. Reload to see where.",
        [AgendaItemConfiguration.ReferralIndex] = "KZRU-20 (Regulation cl. 10): the expert group's proposal was put on an agenda a moment ago; it is there once. Reload to see where.",
        [ExpertGroupReferralConfiguration.OnePerItem] = "KZRU-20 (Regulation cl. 10): this item was referred to an expert group a moment ago; it is referred once. Reload to see the group.",
        [MaterialConfiguration.SameFileIndex] = "KZRU-13 (Regulation cl. 9): this very file (same SHA-256) is already among this item's materials; it was not added again.",
        [DecisionConfiguration.OneVersionPerNumber] = "KZRU-18 (Regulation cl. 10): another version of this decision was made at the same moment; reload and check which version is current.",
        [DecisionConfiguration.OneCurrentVersion] = "KZRU-18 (Regulation cl. 10): another correction of this decision was made at the same moment; reload and check which version is current.",
        [DecisionSignatureConfiguration.OneSlotPerSigner] = "KZRU-18 (Regulation cl. 10): this signature was being recorded at the same moment; it counts once.",
        [MaterialConfiguration.VersionIndex] = "KZRU-13 (Regulation cl. 9): another version of this document was uploaded at the same moment; reload and upload yours again as the next version.",
    };

    public void Add(string constraint, string message) => _messages[constraint] = message;

    public string For(string? constraint) =>
        constraint is not null && _messages.TryGetValue(constraint, out var message)
            ? message
            : "This record already exists (saved by someone else a moment ago). Reload and check.";

    /// <summary>Saves a command's changes; concurrency and uniqueness failures become a <see cref="ConflictException"/> a person understands.</summary>
    public async Task SaveAsync(CommissionDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConflictException("Someone else saved a change to this record after you opened it. Your input is kept below: reload to see their change, then save again.", ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            throw new ConflictException(For(pg.ConstraintName), ex);
        }
    }
}
