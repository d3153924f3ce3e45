using IntergovCommission.Domain.Materials;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>A file of an assignment report, for the commission's people (WF-05).</summary>
public static class GetReportFile
{
    /// <summary>A download of a report's file: recorded in the audit trail like a material's (issue #14).</summary>
    public sealed record Query(Guid AssignmentId, Guid FileId) : IQuery<Result>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) =>
            (await ExecutionAccess.PartiesAsync(db, AssignmentId, cancellationToken)).CommissionId;
    }

    public sealed record Result(string FileName, string ContentType, byte[] Content);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var row = await (from f in db.AssignmentReportFiles.AsNoTracking()
                             join r in db.AssignmentReports on f.ReportId equals r.Id
                             join s in db.StoredFiles on f.FileId equals s.Id
                             where f.Id == request.FileId && r.AssignmentId == request.AssignmentId
                             select new { f.FileName, f.FileType, s.Content }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Report file", request.FileId);
            return new Result(row.FileName, FileTypes.ContentType(row.FileType), row.Content);
        }
    }
}
