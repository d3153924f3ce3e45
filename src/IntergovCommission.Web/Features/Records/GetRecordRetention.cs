using IntergovCommission.Domain.Records;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Records;

/// <summary>KZRU-22: until when the commission's records are kept, and on what basis (the term in force).</summary>
public static class GetRecordRetention
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>;

    /// <param name="KeepUntil">The last day records are kept; null while the flight tests' completion is not recorded (kept until then and the term after it).</param>
    public sealed record Result(DateOnly? KeepUntil, DateOnly? FlightTestsCompletedOn, Guid? TermDecisionId, string? TermDecisionNumber, string? Act, DateTimeOffset? RecordedAt,
        int YearsAfterFlightTests, string RuleId, string Clause, bool IsKeptToday);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        // Anyone who reads the commission's records sees how long they are kept.
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            var basis = await db.RetentionBases.AsNoTracking().Where(r => r.CommissionId == request.CommissionId)
                .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                .Select(r => new { r.KeepUntil, r.FlightTestsCompletedOn, r.TermDecisionId, r.Act, r.RecordedAt, Number = db.Decisions.Where(d => d.Id == r.TermDecisionId).Select(d => d.Number).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return new Result(basis?.KeepUntil, basis?.FlightTestsCompletedOn, basis?.TermDecisionId, basis?.Number, basis?.Act, basis?.RecordedAt,
                profile.Retention?.YearsAfterFlightTests ?? 0, profile.Retention?.Rule.Id ?? profile.Composition.Rule.Id, profile.Retention?.Rule.Clause ?? profile.Composition.Rule.Clause, RetentionTerm.IsKept(basis?.KeepUntil, today));
        }
    }
}
