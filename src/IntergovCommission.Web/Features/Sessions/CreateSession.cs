using FluentValidation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>
/// A secretary creates session N (KZRU-07, KZRU-09): the next number of the commission, in draft.
/// Items deferred at earlier sessions and not yet on a later agenda enter its draft agenda (KZRU-11).
/// </summary>
public static class CreateSession
{
    public sealed class Command : SessionFields, ICommand<Result>, ICommissionScoped
    {
        public Guid CommissionId { get; set; }
    }

    public sealed record Result(Guid SessionId, int Number);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, TimeProvider clock) => SessionFieldRules.Apply(this, text, clock);
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            SessionAccess.RequireSecretary(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            await SessionTime.RequireSideZoneAsync(db, request.CommissionId, request.TimeZoneId!, cancellationToken);

            // Numbers are sequential per commission: take the commission's row lock, then the next number
            // (the unique index is the backstop).
            var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM commissions WHERE id = {request.CommissionId} FOR UPDATE").ToListAsync(cancellationToken);
            if (locked.Count == 0)
            {
                throw new NotFoundException("Commission", request.CommissionId);
            }

            var number = (await db.Sessions.Where(s => s.CommissionId == request.CommissionId).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0) + 1;
            var session = new Session(Guid.CreateVersion7(), request.CommissionId, number, request.ToSetting(), clock.GetUtcNow());
            db.Sessions.Add(session);
            // KZRU-11: items deferred at earlier sessions and waiting enter this draft agenda.
            await Agenda.DeferredItems.PullInto(db, session, cancellationToken);
            return new Result(session.Id, number);
        }
    }
}
