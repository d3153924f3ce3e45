using FluentValidation;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// A secretary creates a secret link to the session's room screen, for a projector nobody signs in on: it shows
/// only what the room sees (quorum, presiding, the item, the tally and roll call, the result), never a control.
/// The secret is shown once; only its SHA-256 is stored. Audited like every command.
/// </summary>
public static class CreateScreenLink
{
    public sealed class Command : ICommand<Result>
    {
        public Guid SessionId { get; set; }
        public string? Label { get; set; }
    }

    public sealed record Result(Guid LinkId, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Label).MaximumLength(200).WithMessage(_ => text["Validation.MaxLength", 200]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.KeepRegister);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var label = string.IsNullOrWhiteSpace(request.Label) ? "—" : request.Label;
            var (link, secret) = ScreenLink.Issue(request.SessionId, label, actor.PersonId, clock.GetUtcNow());
            db.ScreenLinks.Add(link);
            return new Result(link.Id, secret);
        }
    }
}
