using System.Text;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

public sealed class CommissionDbContext(DbContextOptions<CommissionDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Commission> Commissions => Set<Commission>();
    public DbSet<Side> Sides => Set<Side>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<RegulationProfileRecord> RegulationProfiles => Set<RegulationProfileRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpointRecord> AuditCheckpoints => Set<AuditCheckpointRecord>();
    public DbSet<RetentionBasis> RetentionBases => Set<RetentionBasis>();
    public DbSet<DisposalAct> DisposalActs => Set<DisposalAct>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<InvitedPerson> InvitedPersons => Set<InvitedPerson>();
    public DbSet<AgendaApproval> AgendaApprovals => Set<AgendaApproval>();
    public DbSet<AgendaProposal> AgendaProposals => Set<AgendaProposal>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Material> Materials => Set<Material>();
    public DbSet<MaterialText> MaterialTexts => Set<MaterialText>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<DissentingOpinion> DissentingOpinions => Set<DissentingOpinion>();
    public DbSet<ExpertGroupReferral> ExpertGroupReferrals => Set<ExpertGroupReferral>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionSignature> DecisionSignatures => Set<DecisionSignature>();
    public DbSet<IssuedDecisionDocument> IssuedDecisionDocuments => Set<IssuedDecisionDocument>();
    public DbSet<ProposalDeadlineReminder> ProposalDeadlineReminders => Set<ProposalDeadlineReminder>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<ScreenLink> ScreenLinks => Set<ScreenLink>();
    public DbSet<Chairmanship> Chairmanships => Set<Chairmanship>();
    public DbSet<NoInterestDeclaration> NoInterestDeclarations => Set<NoInterestDeclaration>();
    public DbSet<DecisionDistribution> DecisionDistributions => Set<DecisionDistribution>();
    public DbSet<ExtraordinaryProposal> ExtraordinaryProposals => Set<ExtraordinaryProposal>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentReport> AssignmentReports => Set<AssignmentReport>();
    public DbSet<AssignmentReportFile> AssignmentReportFiles => Set<AssignmentReportFile>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<AssignmentReminder> AssignmentReminders => Set<AssignmentReminder>();
    public DbSet<MailOutboxEntry> MailOutbox => Set<MailOutboxEntry>();
    public DbSet<Domain.Treaties.Treaty> Treaties => Set<Domain.Treaties.Treaty>();
    public DbSet<Domain.Treaties.TreatyReport> TreatyReports => Set<Domain.Treaties.TreatyReport>();
    public DbSet<ReportDateReminder> ReportDateReminders => Set<ReportDateReminder>();
    public DbSet<Circulation> Circulations => Set<Circulation>();
    public DbSet<CirculationBody> CirculationBodies => Set<CirculationBody>();

    /// <summary>Every context links its audit rows into the hash chain, however it was made (app, tests, tools).</summary>
    /// <summary>
    /// The options every context of the app needs: the audit chain links rows as they are saved. Given
    /// where the context is registered (a pooled context may not change its options in OnConfiguring).
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder optionsBuilder, string connectionString, bool retry = false) =>
        optionsBuilder.UseNpgsql(connectionString, npgsql =>
        {
            if (retry)
            {
                npgsql.EnableRetryOnFailure(3);
            }
        }).AddInterceptors(AuditChainInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommissionDbContext).Assembly);
        ApplySnakeCaseNames(builder);
    }

    /// <summary>Tables, columns, keys and indexes in snake_case, so the SQL migrations read like SQL.</summary>
    private static void ApplySnakeCaseNames(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null)
            {
                entity.SetTableName(ToSnakeCase(table.StartsWith("AspNet", StringComparison.Ordinal) ? "identity_" + table[6..] : table));
            }

            foreach (var property in entity.GetProperties())
            {
                if (property.Name == "Version" && property.ClrType == typeof(uint))
                {
                    continue; // mapped to PostgreSQL's xmin system column (optimistic concurrency)
                }

                property.SetColumnName(ToSnakeCase(property.GetColumnName()));
            }

            foreach (var complex in entity.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    property.SetColumnName(ToSnakeCase(complex.Name) + "_" + ToSnakeCase(property.Name));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName() ?? string.Empty));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName() ?? string.Empty));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName() ?? string.Empty));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
