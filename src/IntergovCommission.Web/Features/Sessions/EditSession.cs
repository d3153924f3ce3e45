using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>A secretary changes the date, format or place of a session that has not started (KZRU-09).</summary>
public static class EditSession
{
    public sealed class Command : SessionFields, ICommand<bool>, ICommissionScoped
    {
        public Guid SessionId { get; set; }
        public uint Version { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, TimeProvider clock) => SessionFieldRules.Apply(this, text, clock);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            SessionAccess.RequireSecretary(actor, request.CommissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            await SessionTime.RequireSideZoneAsync(db, request.CommissionId, request.TimeZoneId!, cancellationToken);
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            session.ChangeSetting(request.ToSetting(), clock.GetUtcNow());
            return true;
        }
    }
}
