using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>The signed-in reader's own zone for this request (their setting, else their side's; <see cref="PersonZone"/>).</summary>
public sealed class CurrentZone(IActorAccessor actors, CommissionDbContext db, TimeProvider clock)
{
    private string? _zone;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_zone is null)
        {
            var actor = await actors.GetActorAsync(ct);
            _zone = actor.IsAuthenticated ? await PersonZone.OfAsync(db, actor.UserId, actor.PersonId, clock.Today(), ct) : PersonZone.Fallback;
        }

        return _zone;
    }
}
