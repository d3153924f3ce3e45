using IntergovCommission.Documents.Rendering;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>WF-05: the consolidated execution report of a period as a bilingual PDF (the decisions' document library), for the commission's people.</summary>
public static class GetExecutionReportPdf
{
    public sealed record Query(Guid CommissionId, DateOnly From, DateOnly To) : IQuery<PdfFile>, IExecutionReportQuery;

    public sealed class Validator(IStringLocalizer<SharedResource> text) : ExecutionReport.PeriodValidator<Query>(text);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, DocumentRenderer renderer, TimeProvider clock) : IRequestHandler<Query, PdfFile>
    {
        public async Task<PdfFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await ExecutionReport.BuildAsync(db, request.CommissionId, request.From, request.To, clock, cancellationToken);
            var bytes = renderer.RenderExecutionReport(document);
            return new PdfFile(ExecutionReport.FileName("pdf", request.From, request.To), bytes, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant());
        }
    }
}
