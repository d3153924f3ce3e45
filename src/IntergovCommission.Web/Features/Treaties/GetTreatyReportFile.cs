using FluentValidation;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>The annual treaty report's file formats.</summary>
public enum TreatyReportFormat
{
    /// <summary>The bilingual PDF (the decisions' document library).</summary>
    Pdf = 1,
    /// <summary>An editable Word document (DOCX, OpenXML).</summary>
    Docx = 2,
}

/// <summary>A file to download.</summary>
public sealed record TreatyReportFile(string FileName, byte[] Content, string ContentType)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>WF-07: the drafted annual report on a treaty for a year, as PDF or as an editable DOCX, for the commission's people.</summary>
public static class GetTreatyReportFile
{
    public sealed record Query(Guid TreatyId, int Year, TreatyReportFormat Format) : IQuery<TreatyReportFile>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Year).InclusiveBetween(TreatyRegister.FirstYear, 2100).WithMessage(_ => text["Treaties.Validation.Year", TreatyRegister.FirstYear, 2100]);
            RuleFor(q => q.Format).IsInEnum().WithMessage(_ => text["Treaties.Validation.Format"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await TreatyRegister.PartiesAsync(db, request.TreatyId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db, DocumentRenderer renderer, TimeProvider clock) : IRequestHandler<Query, TreatyReportFile>
    {
        public async Task<TreatyReportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await TreatyRegister.DocumentAsync(db, request.TreatyId, request.Year, clock, cancellationToken);
            return request.Format == TreatyReportFormat.Docx
                ? new TreatyReportFile(TreatyRegister.FileName("docx", request.Year, request.TreatyId), TreatyReportDocx.Write(document), TreatyReportFile.DocxType)
                : new TreatyReportFile(TreatyRegister.FileName("pdf", request.Year, request.TreatyId), renderer.RenderTreatyReport(document), Features.Documents.PdfFile.ContentType);
        }
    }
}
