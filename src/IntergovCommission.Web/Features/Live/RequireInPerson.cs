using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>KZRU-05: a co-chair decides that a member must attend in person; the register shows it.</summary>
public static class RequireInPerson
{
    public sealed record Command(Guid SessionId, Guid MembershipId, bool Required) : ICommand<bool>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.RequireAttendanceInPerson);
        }
    }

    public sealed class Handler(CommissionDbContext db, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            if (context.Register.All(r => r.Entry.MembershipId != request.MembershipId))
            {
                throw new NotFoundException("Membership", request.MembershipId);
            }

            var now = clock.GetUtcNow();
            var record = await db.Attendance.SingleOrDefaultAsync(a => a.SessionId == request.SessionId && a.MembershipId == request.MembershipId, cancellationToken);
            if (record is null)
            {
                record = new AttendanceRecord(Guid.CreateVersion7(), request.SessionId, request.MembershipId, now);
                db.Attendance.Add(record);
            }

            record.RequireInPerson(request.Required, now);
            live.SessionChanged(request.SessionId, "attendance");
            return true;
        }
    }
}
