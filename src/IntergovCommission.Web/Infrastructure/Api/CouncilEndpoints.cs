using IntergovCommission.Web.Features.Council;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the endpoints for what a council's profile adds (CIS-01, CIS-03, CIS-08, CIS-11).</summary>
public static class CouncilApiBodies
{
    public sealed record CredentialsBody(string? Document);

    public sealed record AffectedStatesBody(IReadOnlyList<Guid>? SideIds);

    public sealed record ChairmanshipBody(Guid? SideId, DateOnly? StartsOn, DateOnly? EndsOn, string? Basis);

    public sealed record DistributionBody(DateOnly? SentOn, string? How);

    public sealed record ExtraordinaryBody(string? Subject);

    public sealed record AnswerBody(Domain.Sessions.SupportAnswer Answer);
}

/// <summary>/api/v1 endpoints of the rules a profile may add: credentials, no-interest declarations, affected states, the rotating chair.</summary>
public static class CouncilEndpoints
{
    public static void MapCouncilApi(this RouteGroupBuilder api)
    {
        var live = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Live session");
        live.MapPut("/attendance/{membershipId:guid}/credentials", async (Guid sessionId, Guid membershipId, CouncilApiBodies.CredentialsBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ConfirmCredentials.Command { SessionId = sessionId, MembershipId = membershipId, Document = body.Document }, ct);
                return Results.NoContent();
            })
            .WithName("ConfirmCredentials").WithSummary("The secretariat confirms a substitute's credentials before the vote (CIS-01).");
        live.MapPost("/agenda/items/{itemId:guid}/no-interest", async (Guid sessionId, Guid itemId, IMediator m, CancellationToken ct) =>
            {
                var added = await m.Send(new DeclareNoInterest.Command(sessionId, itemId), ct);
                return Results.Ok(new { declared = true, added });
            })
            .WithName("DeclareNoInterest").WithSummary("A member declares their state's lack of interest in a question, before its vote (CIS-08).");
        live.MapPut("/agenda/items/{itemId:guid}/affected-states", async (Guid sessionId, Guid itemId, CouncilApiBodies.AffectedStatesBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new MarkAffectedStates.Command { SessionId = sessionId, AgendaItemId = itemId, SideIds = body.SideIds?.ToList() ?? [] }, ct);
                return Results.NoContent();
            })
            .WithName("MarkAffectedStates").WithSummary("The states an item directly affects; it is not voted on in their absence (CIS-11).");

        api.MapPost("/decisions/{decisionId:guid}/distribution", async (Guid decisionId, CouncilApiBodies.DistributionBody body, IMediator m, CancellationToken ct) =>
            {
                var added = await m.Send(new RecordDistribution.Command { DecisionId = decisionId, SentOn = body.SentOn, How = body.How }, ct);
                return Results.Ok(new { recorded = true, added });
            })
            .WithTags("Decisions").WithName("RecordDistribution").WithSummary("The secretariat records that an issued decision was sent to every member (CIS-12).");

        var extraordinary = api.MapGroup("/commissions/{commissionId:guid}/extraordinary-proposals").WithTags("Commissions");
        extraordinary.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new ListExtraordinaryProposals.Query(commissionId), ct))
            .WithName("ListExtraordinaryProposals").WithSummary("Proposals of extraordinary sessions with each state's answer (CIS-04).");
        extraordinary.MapPost("/", async (Guid commissionId, CouncilApiBodies.ExtraordinaryBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new ProposeExtraordinarySession.Command { CommissionId = commissionId, Subject = body.Subject }, ct);
                return Results.Created($"/api/v1/commissions/{commissionId}/extraordinary-proposals", new { id });
            })
            .WithName("ProposeExtraordinarySession").WithSummary("A state proposes an extraordinary session (CIS-04).");
        api.MapPost("/extraordinary-proposals/{proposalId:guid}/answers", async (Guid proposalId, CouncilApiBodies.AnswerBody body, IMediator m, CancellationToken ct) =>
            {
                var supported = await m.Send(new AnswerExtraordinaryProposal.Command(proposalId, body.Answer), ct);
                return Results.Ok(new { supported });
            })
            .WithTags("Commissions").WithName("AnswerExtraordinaryProposal").WithSummary("A state's answer: supports or opposes (CIS-04); a majority of the states makes it supported.");

        var chair = api.MapGroup("/commissions/{commissionId:guid}/chairmanships").WithTags("Commissions");
        chair.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new GetChairmanships.Query(commissionId), ct))
            .WithName("GetChairmanships").WithSummary("The rotating chair's terms, today's chair and co-chairs, and the proposed next term (CIS-03).");
        chair.MapPost("/", async (Guid commissionId, CouncilApiBodies.ChairmanshipBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new RecordChairmanship.Command
                {
                    CommissionId = commissionId,
                    SideId = body.SideId ?? Guid.Empty,
                    StartsOn = body.StartsOn ?? default,
                    EndsOn = body.EndsOn ?? default,
                    Basis = body.Basis,
                }, ct);
                return Results.Created($"/api/v1/commissions/{commissionId}/chairmanships", new { id });
            })
            .WithName("RecordChairmanship").WithSummary("Record the next chair's term (CIS-03); otherwise than the rotation only with the council's decision as basis.");
    }
}
