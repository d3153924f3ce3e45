using System.Globalization;
using CsvHelper;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// WF-05: the consolidated execution report of a period as CSV (CsvHelper, UTF-8 with BOM, ';' as spreadsheets in ru/kk expect):
/// one row per assignment. Every cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return)
/// is neutralised with a leading apostrophe.
/// </summary>
public static class GetExecutionReportCsv
{
    public sealed record Query(Guid CommissionId, DateOnly From, DateOnly To) : IQuery<Result>, IExecutionReportQuery;

    public sealed record Result(string FileName, byte[] Content);

    public sealed class Validator(IStringLocalizer<SharedResource> text) : ExecutionReport.PeriodValidator<Query>(text);

    public sealed class Authorizer : IAuthorizer<Query>
    {
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
            var report = await ExecutionReport.BuildAsync(db, request.CommissionId, request.From, request.To, clock, cancellationToken);
            var options = new CsvWriterOptions
            {
                Separator = ';',
                WriteByteOrderMark = true,
                Injection = CsvInjection.Escape, // = + - @ tab CR at the start of a text cell get a leading apostrophe (OWASP)
            };
            using var stream = new MemoryStream();
            await using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
            {
                csv.WriteRecord(["№", "Организация", "Сторона", "Поручение", "Тапсырма", "Ответственный", "Срок", "Первоначальный срок", "Продлений", "Отчётов", "Последний отчёт", "Состояние", "Просрочено"]);
                foreach (var row in report.Rows)
                {
                    csv.WriteRecord(
                    [
                        row.Number, row.Organisation, row.Side, row.Task.Ru, row.Task.Kk, row.Responsible,
                        row.DueOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), row.OriginalDueOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                        row.Extensions.ToString(CultureInfo.InvariantCulture), row.Reports.ToString(CultureInfo.InvariantCulture),
                        row.LastReportOn?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty, row.State.Ru, row.Overdue ? "да" : "нет",
                    ]);
                }

                await csv.FlushAsync(cancellationToken);
            }

            return new Result(ExecutionReport.FileName("csv", request.From, request.To), stream.ToArray());
        }
    }
}
