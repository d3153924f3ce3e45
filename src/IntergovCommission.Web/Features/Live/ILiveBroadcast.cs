namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// What the use cases tell the screens of a live session; sent after the change is committed. The
/// SignalR hub implements it (Hubs/LiveSessionHub.cs): use cases never reach the web adapters.
/// </summary>
public interface ILiveBroadcast
{
    /// <summary>The session's state changed (attendance, a ballot opened or closed, a declaration): screens re-read it.</summary>
    void SessionChanged(Guid sessionId, string what);

    /// <summary>
    /// A cast, with what every screen needs to show it without re-reading the panel: the member's
    /// line of the roll call (and <paramref name="changes"/>, so a screen ignores an older message
    /// that arrives late). Screens recount the tally from the roll call they hold.
    /// </summary>
    void VoteCast(Guid sessionId, Guid ballotId, Guid membershipId, Domain.Voting.VoteChoice choice, bool recordedBySecretary, int changes);

    /// <summary>A room-screen link was revoked: the screens opened through it reload (and find it no longer works).</summary>
    void ScreenLinkRevoked(Guid sessionId, Guid linkId);
}
