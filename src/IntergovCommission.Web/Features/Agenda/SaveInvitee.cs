using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>
/// KZRU-07, KZRU-14: the secretaries keep the list of invited persons, the items they speak to and
/// their topics; it is part of what the co-chairs approve, so a change is a new agenda version.
/// </summary>
public static class SaveInvitee
{
    public sealed class Command : SessionCommand
    {
        /// <summary>Empty to add a new invited person.</summary>
        public Guid? InviteeId { get; set; }
        public string? FullName { get; set; }
        public string? Organisation { get; set; }

        /// <summary>The organisation in Kazakh (the Kazakh text of the agenda and minutes); optional.</summary>
        public string? OrganisationKk { get; set; }
        /// <summary>The person's account (an Invitee membership of the commission), so they can see their items.</summary>
        public Guid? PersonId { get; set; }
        public string? Topics { get; set; }

        /// <summary>The topics in Kazakh; optional.</summary>
        public string? TopicsKk { get; set; }
        public List<Guid> ItemIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.FullName).NotEmpty().WithMessage(_ => text["Agenda.Validation.InviteeName"])
                .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.Organisation).NotEmpty().WithMessage(_ => text["Agenda.Validation.InviteeOrganisation"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.OrganisationKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.Topics).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(x => x.TopicsKk).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(x => x.ItemIds).NotEmpty().WithMessage(_ => text["Agenda.Validation.InviteeItems"]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            if (request.PersonId is Guid personId
                && !await db.Memberships.InvitedBy(profile).AnyAsync(m => m.CommissionId == request.CommissionId && m.PersonId == personId && m.EndedOn == null, cancellationToken))
            {
                // KZRU-14: the rule of the profile's participation of the invited role.
                var rule = profile.InvitationRule();
                throw new InputValidationException(nameof(Command.PersonId), rule.Id + ": " + text["Participation.Refused.ChooseInvited", Infrastructure.Web.Ui.LocalizeArguments([rule.Id, rule.Clause])]);
            }

            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            var content = new InviteeContent(request.FullName!, request.Organisation!, request.PersonId, request.Topics, request.ItemIds, request.OrganisationKk, request.TopicsKk);
            if (request.InviteeId is Guid inviteeId)
            {
                session.EditInvitee(inviteeId, content);
            }
            else
            {
                db.InvitedPersons.Add(session.AddInvitee(Guid.CreateVersion7(), content));
            }

            return true;
        }
    }
}

public static class RemoveInvitee
{
    public sealed class Command : SessionCommand
    {
        public Guid InviteeId { get; set; }
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            var invitee = session.Invitees.FirstOrDefault(i => i.Id == request.InviteeId);
            session.RemoveInvitee(request.InviteeId);
            if (invitee is not null)
            {
                db.InvitedPersons.Remove(invitee);
            }

            return true;
        }
    }
}
