using IntergovCommission.Documents;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// WF-05: execution discipline per organisation for a period: of the assignments due in it (not cancelled), how many were done on
/// time (accepted on a report that came in by the deadline in force), late, are still open or overdue, and the share on time.
/// </summary>
public static class GetExecutionDiscipline
{
    public sealed record Query(Guid CommissionId, DateOnly From, DateOnly To) : IQuery<IReadOnlyList<ExecutionDisciplineRow>>, IExecutionReportQuery;

    public sealed class Validator(IStringLocalizer<SharedResource> text) : ExecutionReport.PeriodValidator<Query>(text);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<ExecutionDisciplineRow>>
    {
        public async Task<IReadOnlyList<ExecutionDisciplineRow>> Handle(Query request, CancellationToken cancellationToken) =>
            (await ExecutionReport.BuildAsync(db, request.CommissionId, request.From, request.To, clock, cancellationToken)).Discipline;
    }
}
