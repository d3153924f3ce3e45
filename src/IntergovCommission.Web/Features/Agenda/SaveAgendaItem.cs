using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Features.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>A secretary adds an item to the draft agenda, or edits one (KZRU-07); each change is a new agenda version (KZRU-11).</summary>
public static class SaveAgendaItem
{
    public sealed class Command : SessionCommand
    {
        /// <summary>Empty to add a new item.</summary>
        public Guid? ItemId { get; set; }
        public string? TitleRu { get; set; }
        public string? TitleKk { get; set; }
        public string? Rapporteurs { get; set; }

        /// <summary>The speakers in Kazakh (the Kazakh column of the agenda); optional.</summary>
        public string? RapporteursKk { get; set; }
        public DecisionKind DecisionKind { get; set; } = DecisionKind.Other;
        public string? DraftDecisionRu { get; set; }
        public string? DraftDecisionKk { get; set; }

        public AgendaItemContent ToContent() => new(LocalizedText.Of(TitleKk, TitleRu), Rapporteurs, DecisionKind, LocalizedText.Of(DraftDecisionKk, DraftDecisionRu), RapporteursKk);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TitleRu).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.TitleKk)).WithMessage(_ => text["Agenda.Validation.TitleRequired"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.TitleKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.Rapporteurs).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(x => x.RapporteursKk).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(x => x.DecisionKind).IsInEnum().WithMessage(_ => text["Agenda.Validation.DecisionKind"]);
            RuleFor(x => x.DraftDecisionRu).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            if (request.ItemId is Guid itemId)
            {
                session.EditItem(itemId, request.ToContent());
            }
            else
            {
                db.AgendaItems.Add(session.AddItem(Guid.CreateVersion7(), request.ToContent()));
            }

            return true;
        }
    }
}

/// <summary>
/// A secretary removes an item from the draft agenda (KZRU-07), or an unscheduled item no co-chair has accepted yet.
/// A removed carried item goes back to where it came from: a deferred item waits for the next session
/// created (KZRU-11); an expert group's proposal can be put on another session's agenda (KZRU-20).
/// </summary>
public static class RemoveAgendaItem
{
    public sealed class Command : SessionCommand
    {
        public Guid ItemId { get; set; }
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            var item = session.Items.FirstOrDefault(i => i.Id == request.ItemId);
            session.RemoveItem(request.ItemId);
            if (item is not null)
            {
                db.AgendaItems.Remove(item);
                // KZRU-20: an expert group's proposal taken off this draft agenda can be put on another session's.
                if (item.ReferralId is Guid referralId)
                {
                    (await db.ExpertGroupReferrals.SingleAsync(r => r.Id == referralId, cancellationToken)).WithdrawFromAgenda();
                }
            }

            return true;
        }
    }
}

/// <summary>A secretary moves an item one place up or down (plain POST buttons); two secretaries at once → the second gets a conflict.</summary>
public static class MoveAgendaItem
{
    public sealed class Command : SessionCommand
    {
        public Guid ItemId { get; set; }
        /// <summary>-1 up, +1 down.</summary>
        public int Direction { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Direction).Must(d => d is -1 or 1);
    }

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            session.MoveItem(request.ItemId, request.Direction);
            return true;
        }
    }
}

/// <summary>KZRU-11: the secretaries send the current agenda version to the co-chairs.</summary>
public static class SendAgendaForApproval
{
    public sealed class Command : SessionCommand;

    public sealed class Authorizer(CommissionDbContext db) : SecretaryOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db, Notifier notifier) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, request.Version, cancellationToken);
            // KZRU-23: every item's texts in each of the profile's document languages before the co-chairs see it.
            var profile = await Commissions.CommissionRules.ProfileAsync(db, session.CommissionId, cancellationToken);
            session.SendForApproval(profile.Languages);
            await notifier.AgendaSentAsync(session, cancellationToken);
            return true;
        }
    }
}
