using static IntergovCommission.IntegrationTests.Matrix.Caller;

namespace IntergovCommission.IntegrationTests.Matrix;

/// <summary>How a cell's answer is read.</summary>
internal enum Mode
{
    /// <summary>The request is complete and valid: allowed = 2xx/3xx; refused = 401/403/404/422 (a rule refusal), or a redirect to sign-in.</summary>
    Real,

    /// <summary>
    /// The request is deliberately stale or invalid (a version that is not the current one, a missing field, a state that rules it out),
    /// so nothing changes whoever sends it; the pipeline authorizes before it validates, so: allowed = 2xx/3xx or 400/409/422
    /// (got past the gate); refused = 401/403/404 or a redirect to sign-in.
    /// </summary>
    Probe,
}

/// <summary>One case of one endpoint: the request and who may make it.</summary>
/// <param name="Key">The discovered endpoint (see <see cref="EndpointDiscovery"/>).</param>
/// <param name="Url">Path and query with {placeholders} from <see cref="MatrixWorld.Ids"/>.</param>
/// <param name="Body">JSON for the API; "a=b&amp;c=d" form fields for pages; "pdf:" raw PDF bytes; "multipart:" a text file upload.</param>
/// <param name="Allowed">Callers who may; every other caller is refused, except those in <paramref name="Open"/>.</param>
/// <param name="Open">Callers the regulation leaves open (not asserted, but never a 5xx).</param>
internal sealed record MatrixCase(string Key, string Case, string Method, string Url, string? Body, Caller[] Allowed, Mode Mode, string Why, Caller[]? Open = null, bool FreshSession = false, string[]? RefusalRules = null)
{
    public string Title => Case.Length == 0 ? Key : $"{Key} [{Case}]";
}

/// <summary>
/// The authorization matrix: every endpoint and page handler the app serves × every kind of caller, as the regulation
/// (KZRU) and issue 10 say. Expectations are the regulation's, not today's behaviour.
/// </summary>
internal static class AuthorizationMatrix
{
    public static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    public static readonly Caller[] SignedIn = Everyone.Where(c => c != Anonymous).ToArray();

    /// <summary>KZRU-01: the persons on the commission's list who take part in decisions (co-chairs, deputies, secretaries, members of both sides; profile default: all vote).</summary>
    public static readonly Caller[] Voters = [KzCoChair, KzDeputy, KzSecretary, KzMember, RuCoChair, RuDeputy, RuSecretary, RuMember];

    /// <summary>Voters and the representative (KZRU-15: attends, speaks, reads; never votes or signs).</summary>
    public static readonly Caller[] Seated = [.. Voters, KzRepresentative];

    public static readonly Caller[] Secretaries = [KzSecretary, RuSecretary];
    public static readonly Caller[] CoChairs = [KzCoChair, RuCoChair];
    public static readonly Caller[] Deputies = [KzDeputy, RuDeputy];
    public static readonly Caller[] Nobody = [];

    /// <summary>The administrator's reading of a session's content: the regulation is silent (the administrator sits on no commission).</summary>
    private static readonly Caller[] AdminOpen = [Admin];

    private const string Json = "application/json";

    public static IReadOnlyList<MatrixCase> Cases { get; } = Build();

    private static MatrixCase Api(string method, string route, string url, string? body, Caller[] allowed, Mode mode, string why, Caller[]? open = null, string @case = "", string[]? refusalRules = null, bool renewsToken = false) =>
        new($"API {method} /api/v1{route}", @case, method, "/api/v1" + url, body, allowed, mode, why, open, FreshSession: renewsToken, RefusalRules: refusalRules);

    private static MatrixCase Page(string method, string page, string? handler, string url, string? form, Caller[] allowed, string why, Caller[]? open = null, bool fresh = false, string @case = "") =>
        new($"PAGE {method} {page}" + (handler is null ? string.Empty : $"?handler={handler}"), @case, method, url, form, allowed, Mode.Probe, why, open, fresh);

    private static Caller[] Plus(this Caller[] set, params Caller[] more) => [.. set.Union(more)];

    private static List<MatrixCase> Build()
    {
        var readers = Seated.Plus(Admin);
        var sessionReaders = Seated.Plus(Invitee);
        const string Stale = "{stale}";
        var sessionBody = $$"""{"version":{{Stale}},"kind":"Regular","format":"Mixed","place":"Astana","conferenceLink":"https://vc.example.kz/imc","startLocal":"{future}","timeZoneId":"Asia/Almaty"}""";
        var itemBody = $$"""{"version":{{Stale}},"titleRu":"Пункт","rapporteurs":"Р.","decisionKind":"Other","draftDecisionRu":"Принять."}""";
        var inviteeBody = $$"""{"version":{{Stale}},"fullName":"Гость","organisation":"Орг","topics":"Т","itemIds":["{draftItem}"]}""";
        var wrongSign = """{"contentHash":"{decisionHash}","confirmation":"not-the-password"}""";
        var act = """ "positionRu":"Эксперт","organisationRu":"Орг","appointingAuthorityRu":"Правительство","appointingActNumber":"№ 1","appointingActDate":"{today}","termStart":"{today}" """;

        return
        [
            // Who am I, commissions, roster (KZRU-01, KZRU-02); contacts only inside a commission the person sits on (issue 10 #3).
            Api("GET", "/me", "/me", null, SignedIn, Mode.Real, "any signed-in caller"),
            Api("GET", "/search", "/search?text=%D1%80%D0%B5%D1%88%D0%B5%D0%BD%D0%B8%D0%B5", null, SignedIn, Mode.Real, "issue 14: search: every signed-in caller, finding only what they may read"),
            Api("GET", "/me/work", "/me/work", null, SignedIn, Mode.Real, "issue 15: what needs the caller: their own"),
            Api("GET", "/me/settings", "/me/settings", null, SignedIn, Mode.Real, "issue 15: one's own settings"),
            Api("PUT", "/me/settings", "/me/settings", "{\"timeZoneId\":\"Mars/Olympus\",\"emailKinds\":[]}", SignedIn, Mode.Probe, "issue 15: one's own settings; probe: unknown zone"),
            Api("GET", "/commissions/", "/commissions", null, SignedIn, Mode.Real, "lists the caller's own commissions"),
            Api("GET", "/commissions/{commissionId:guid}/roster", "/commissions/{commission}/roster", null, readers, Mode.Real, "roster with contacts: the commission's people (not an invitee, KZRU-14) and the administrator"),
            Api("GET", "/commissions/{commissionId:guid}/profile", "/commissions/{commission}/profile", null, readers.Plus(Invitee), Mode.Real, "the rules the commission runs under"),
            Api("GET", "/commissions/{commissionId:guid}/sessions/", "/commissions/{commission}/sessions", null, sessionReaders, Mode.Real, "sessions of the commission (an invitee sees theirs)", AdminOpen),
            Api("POST", "/commissions/{commissionId:guid}/sessions/", "/commissions/{commission}/sessions", """{"kind":"Regular","format":"Mixed","place":"Astana","conferenceLink":"https://vc.example.kz","startLocal":"{future}","timeZoneId":"Mars/Olympus_Mons"}""", Secretaries, Mode.Probe, "KZRU-07 secretaries prepare sessions; probe: unknown time zone"),
            Api("POST", "/commissions/{commissionId:guid}/memberships", "/commissions/{commission}/memberships", """{"sideId":"{kzSide}","role":"Member"}""", [KzSecretary, Admin], Mode.Probe, "KZRU-02: the secretary of that side or an administrator; probe: names missing", @case: "new person on the KZ side"),
            Api("POST", "/commissions/{commissionId:guid}/memberships", "/commissions/{commissionB}/memberships", "{\"sideId\":\"{bKzSide}\",\"role\":\"Member\",\"existingPersonId\":\"{linkedPerson}\"," + act + "}", [Admin], Mode.Real, "issue 10 #3: only an administrator links a person of another commission", @case: "person of commission A into commission B"),
            Api("GET", "/memberships/{membershipId:guid}", "/memberships/{kzMemberMembership}", null, [KzSecretary, Admin], Mode.Real, "the edit form of a membership: who may change it (the other side's secretary: open)", [RuSecretary]),
            Api("PUT", "/memberships/{membershipId:guid}", "/memberships/{kzMemberMembership}", "{\"version\":" + Stale + ",\"sideId\":\"{kzSide}\",\"role\":\"Member\"," + act + "}", [KzSecretary, Admin], Mode.Probe, "KZRU-02: the side's secretary or an administrator; probe: stale version"),
            Api("POST", "/memberships/{membershipId:guid}/end", "/memberships/{kzMemberMembership}/end", """{"reason":""}""", [KzSecretary, Admin], Mode.Probe, "the side's secretary or an administrator; probe: no date, no reason"),
            Api("GET", "/people/{personId:guid}", "/people/{kzMemberPerson}", null, readers, Mode.Real, "issue 10 #3: contacts only inside a commission the person sits on"),
            Api("GET", "/tokens/", "/tokens", null, SignedIn, Mode.Real, "one's own tokens"),
            Api("DELETE", "/tokens/{tokenId:guid}", "/tokens/{spareToken}", null, [KzMember, Admin], Mode.Real, "one's own token; an administrator revokes another user's (issue 10 #5)"),
            Api("POST", "/tokens/{tokenId:guid}/successor", "/tokens/{spareToken2}/successor", "{}", [KzMember], Mode.Real, "a token's owner rotates it before it expires (issue 10: the contract); an administrator does not mint tokens for others"),
            Api("DELETE", "/tokens/", "/tokens", null, SignedIn, Mode.Real, "one's own tokens, all at once (issue 10 #5); the row renews the caller's token afterwards", renewsToken: true),

            // Notifications: one's own only (an unknown or someone else's id marks nothing).
            Api("GET", "/notifications/", "/notifications", null, SignedIn, Mode.Real, "one's own notifications"),
            Api("POST", "/notifications/read", "/notifications/read", null, SignedIn, Mode.Real, "marks one's own as read"),
            Api("POST", "/notifications/{notificationId:guid}/read", "/notifications/{spareToken}/read", null, SignedIn, Mode.Real, "one's own; another id marks nothing"),

            // Administration over the API: the same use cases as /Admin (administrators only).
            Api("GET", "/admin/users/", "/admin/users", null, [Admin], Mode.Real, "administrators only"),
            Api("GET", "/admin/users/{userId:guid}", "/admin/users/{spareUser}", null, [Admin], Mode.Real, "administrators only"),
            Api("GET", "/admin/users/{userId:guid}/tokens", "/admin/users/{kzMemberUser}/tokens", null, [Admin], Mode.Real, "an administrator lists a user's tokens (issue 10 #5)"),
            Api("DELETE", "/admin/users/{userId:guid}/tokens", "/admin/users/{spareUser}/tokens", null, [Admin], Mode.Real, "an administrator revokes a user's tokens (issue 10 #5); a user only their own"),
            Api("GET", "/admin/people-without-account", "/admin/people-without-account", null, [Admin], Mode.Real, "administrators only"),
            Api("POST", "/admin/users/", "/admin/users", """{"userName":""}""", [Admin], Mode.Probe, "administrators only; probe: no user name"),
            Api("POST", "/admin/users/{userId:guid}/disable", "/admin/users/{spareUser}/disable", null, [Admin], Mode.Real, "administrators only (a spare sign-in)"),
            Api("POST", "/admin/users/{userId:guid}/unlock", "/admin/users/{spareUser}/unlock", null, [Admin], Mode.Real, "administrators only (a spare sign-in)"),
            Api("POST", "/admin/users/{userId:guid}/password", "/admin/users/{spareUser}/password", """{"newPassword":""}""", [Admin], Mode.Probe, "administrators only; probe: empty password"),
            Api("POST", "/commissions", "/commissions", """{"code":""}""", [Admin], Mode.Probe, "an administrator creates a commission; probe: no code"),
            Api("GET", "/commissions/{commissionId:guid}/work-plan", "/commissions/{commission}/work-plan?year=2026", null, readers, Mode.Real, "the commission's own people (KZRU-14: not an invited person)"),
            Api("GET", "/proposals/{proposalId:guid}", "/proposals/{proposal}", null, [KzMember, KzSecretary], Mode.Real, "KZRU-06: the proposer and the secretary of the proposer's side"),
            Api("GET", "/sessions/{sessionId:guid}/pack.zip", "/sessions/{session}/pack.zip", null, sessionReaders.Plus(Admin), Mode.Real, "KZRU-13: the session pack for those who read the session (an invitee: their items only, KZRU-14)"),

            // Sessions (KZRU-07, KZRU-09).
            Api("GET", "/sessions/{sessionId:guid}/", "/sessions/{session}", null, sessionReaders, Mode.Real, "the session; an invitee sees their items (KZRU-14)", AdminOpen),
            Api("PUT", "/sessions/{sessionId:guid}/", "/sessions/{draftSession}", sessionBody, Secretaries, Mode.Probe, "KZRU-07; probe: stale version"),
            Api("POST", "/sessions/{sessionId:guid}/start", "/sessions/{session}/start", """{"version":{stale}}""", Secretaries, Mode.Probe, "KZRU-07; probe: already started, stale version"),
            Api("POST", "/sessions/{sessionId:guid}/close", "/sessions/{session}/close", """{"version":{stale}}""", Secretaries, Mode.Probe, "KZRU-07/10; probe: stale version (whether the presiding co-chairs close: open)", CoChairs),
            Api("POST", "/sessions/{sessionId:guid}/cancel", "/sessions/{draftSession}/cancel", """{"version":{stale},"reason":"x"}""", Secretaries, Mode.Probe, "KZRU-07; probe: stale version"),

            // Agenda proposals (KZRU-06, KZRU-12): through the secretary of one's own side.
            Api("POST", "/sessions/{sessionId:guid}/proposals", "/sessions/{draftSession}/proposals", """{"titleRu":""}""", Voters.Except(Secretaries).ToArray(), Mode.Probe, "KZRU-06: members propose; not a representative (KZRU-15) nor an invitee; probe: no title (secretaries: open)", Secretaries),
            Api("GET", "/proposals/mine", "/proposals/mine", null, SignedIn, Mode.Real, "one's own proposals"),
            Api("GET", "/proposals/inbox", "/proposals/inbox", null, [.. Secretaries, OtherSecretary], Mode.Real, "KZRU-06: a secretary's inbox"),
            Api("POST", "/proposals/{proposalId:guid}/accept", "/proposals/{proposal}/accept", """{"version":{stale},"decisionKind":"Other"}""", [KzSecretary], Mode.Probe, "KZRU-06: the secretary of the proposer's side (KZ); probe: stale"),
            Api("POST", "/proposals/{proposalId:guid}/decline", "/proposals/{proposal}/decline", """{"version":{stale},"reason":"x"}""", [KzSecretary], Mode.Probe, "KZRU-06: the secretary of the proposer's side (KZ); probe: stale"),

            // The agenda and its approval (KZRU-07, KZRU-11, KZRU-12).
            Api("POST", "/sessions/{sessionId:guid}/agenda/items", "/sessions/{draftSession}/agenda/items", itemBody, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("PUT", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}", "/sessions/{draftSession}/agenda/items/{draftItem}", itemBody, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("DELETE", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}", "/sessions/{draftSession}/agenda/items/{draftItem}?version={stale}", null, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}/move", "/sessions/{draftSession}/agenda/items/{draftItem}/move", """{"version":{stale},"direction":1}""", Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}/accept-unscheduled", "/sessions/{draftSession}/agenda/items/{draftItem}/accept-unscheduled", """{"version":{stale}}""", CoChairs, Mode.Probe, "KZRU-12: co-chairs accept a late item; probe: stale"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/send-for-approval", "/sessions/{draftSession}/agenda/send-for-approval", """{"version":{stale}}""", Secretaries, Mode.Probe, "KZRU-07/11; probe: stale"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/approve", "/sessions/{draftSession}/agenda/approve", """{"agendaVersion":9999}""", CoChairs, Mode.Probe, "KZRU-11: co-chairs; probe: a version that does not exist"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/return", "/sessions/{draftSession}/agenda/return", """{"agendaVersion":9999,"comment":"x"}""", CoChairs, Mode.Probe, "KZRU-11: co-chairs; probe: a version that does not exist"),
            Api("GET", "/sessions/{sessionId:guid}/invitee-candidates", "/sessions/{draftSession}/invitee-candidates", null, Secretaries, Mode.Real, "KZRU-07: secretaries keep the invited-persons list"),
            Api("POST", "/sessions/{sessionId:guid}/invitees", "/sessions/{draftSession}/invitees", inviteeBody, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("PUT", "/sessions/{sessionId:guid}/invitees/{inviteeId:guid}", "/sessions/{draftSession}/invitees/{draftInvitee}", inviteeBody, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),
            Api("DELETE", "/sessions/{sessionId:guid}/invitees/{inviteeId:guid}", "/sessions/{draftSession}/invitees/{draftInvitee}?version={stale}", null, Secretaries, Mode.Probe, "KZRU-07; probe: stale"),

            // The live session: register, quorum, ballots, roll call (KZRU-10, 14, 15, 16, 17, 19).
            Api("GET", "/sessions/{sessionId:guid}/live", "/sessions/{session}/live", null, Seated, Mode.Real, "issue 10 #2: the live roll call is not an invitee's (KZRU-14)", AdminOpen),
            Api("PUT", "/sessions/{sessionId:guid}/attendance/{membershipId:guid}", "/sessions/{session}/attendance/{quietKzMember}", """{"mode":"InPerson"}""", [KzSecretary], Mode.Real, "KZRU-07: the secretary of the member's own side registers them (side-owned, as votes in issue 10 #1)"),
            Api("POST", "/sessions/{sessionId:guid}/check-in", "/sessions/{session}/check-in", """{"mode":"InPerson"}""", Seated, Mode.Real, "KZRU-14/15: people on the commission's list check themselves in"),
            Api("PUT", "/sessions/{sessionId:guid}/attendance/{membershipId:guid}/in-person", "/sessions/{session}/attendance/{quietKzMember}/in-person", """{"required":false}""", CoChairs, Mode.Real, "KZRU-05: a co-chair may require attendance in person"),
            // What a council's profile adds (issue 12): on a KZRU commission nobody holds these capabilities (403, the profile's rule),
            // and the KZRU commission has no rotating chair (its secretaries and the administrator pass the gate; the rule refuses, 422).
            Api("PUT", "/sessions/{sessionId:guid}/attendance/{membershipId:guid}/credentials", "/sessions/{session}/attendance/{quietKzMember}/credentials", """{"document":"Доверенность № 1"}""", Nobody, Mode.Real, "CIS-01: the KZRU profile grants nobody the confirmation of credentials"),
            Api("POST", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}/no-interest", "/sessions/{session}/agenda/items/{item4}/no-interest", null, Nobody, Mode.Real, "CIS-08: the KZRU profile has no declarations of no interest"),
            Api("PUT", "/sessions/{sessionId:guid}/agenda/items/{itemId:guid}/affected-states", "/sessions/{session}/agenda/items/{item4}/affected-states", """{"sideIds":["{kzSide}"]}""", Nobody, Mode.Real, "CIS-11: the KZRU profile marks no affected states"),
            Api("GET", "/commissions/{commissionId:guid}/extraordinary-proposals/", "/commissions/{commission}/extraordinary-proposals", null, Seated.Plus(Admin), Mode.Real, "CIS-04: read by everyone on the commission (a KZRU commission shows that it has none)"),
            Api("POST", "/commissions/{commissionId:guid}/extraordinary-proposals/", "/commissions/{commission}/extraordinary-proposals", """{"subject":"Внеочередное"}""", Nobody, Mode.Real, "CIS-04: the KZRU profile grants nobody proposing an extraordinary session"),
            Api("POST", "/extraordinary-proposals/{proposalId:guid}/answers", "/extraordinary-proposals/{missing}/answers", """{"answer":"Supports"}""", Nobody, Mode.Real, "CIS-04: no such proposal (404 for everyone)"),
            Api("GET", "/commissions/{commissionId:guid}/chairmanships/", "/commissions/{commission}/chairmanships", null, Seated.Plus(Admin), Mode.Real, "CIS-03: the chair's terms are read by everyone on the commission"),
            Api("POST", "/commissions/{commissionId:guid}/chairmanships/", "/commissions/{commission}/chairmanships", """{"sideId":"{kzSide}","startsOn":"{today}","endsOn":"{deadline}"}""", Secretaries.Plus(Admin), Mode.Probe, "CIS-03: the roster keepers record a chair's term; probe: KZRU has no rotating chair"),
            Api("POST", "/sessions/{sessionId:guid}/ballots", "/sessions/{session}/ballots", """{"agendaItemId":"{item1}"}""", CoChairs, Mode.Probe, "KZRU-10: the presiding co-chairs; probe: item already decided", refusalRules: ["KZRU-10"]),
            Api("GET", "/ballots/{ballotId:guid}/", "/ballots/{ballotClosed}", null, Seated, Mode.Real, "issue 10 #2: roll call not for an invitee", AdminOpen),
            Api("POST", "/ballots/{ballotId:guid}/votes", "/ballots/{ballotOpen}/votes", """{"choice":"For"}""", Voters, Mode.Real, "KZRU-17 personal vote; not a representative (KZRU-15), an invitee (KZRU-14), the administrator", @case: "own vote"),
            Api("POST", "/ballots/{ballotId:guid}/votes", "/ballots/{ballotOpen}/votes", """{"choice":"For","forMembershipId":"{quietKzMember}"}""", [KzSecretary], Mode.Real, "issue 10 #1: only the secretary of the member's own side records a show-of-hands vote", @case: "recorded for a present KZ member who did not vote"),
            Api("POST", "/ballots/{ballotId:guid}/votes", "/ballots/{ballotOpen}/votes", """{"choice":"Against","forMembershipId":"{kzMemberMembership}"}""", [KzMember], Mode.Real, "issue 10 #1, KZRU-17: nobody records over a vote the member cast personally (the member themself changes it)", @case: "over the KZ member's personal vote"),
            Api("POST", "/ballots/{ballotId:guid}/close", "/ballots/{ballotClosed}/close", null, CoChairs, Mode.Probe, "KZRU-10/17: the presiding co-chairs; probe: already closed", refusalRules: ["KZRU-10"]),
            Api("POST", "/ballots/{ballotId:guid}/dissents", "/ballots/{ballotClosed}/dissents", """{"language":"ru","text":"Не согласен"}""", Voters, Mode.Probe, "KZRU-19: a member who voted; probe: everyone voted For (the representative gets the same KZRU-19 refusal as a member who voted For: open)", [KzRepresentative], refusalRules: ["KZRU-14", "KZRU-15"]),

            // Decisions (KZRU-18, 21, 22) and their public verification.
            Api("GET", "/decisions/mine", "/decisions/mine", null, SignedIn, Mode.Real, "the caller's own decisions to sign"),
            Api("GET", "/sessions/{sessionId:guid}/decisions", "/sessions/{session}/decisions", null, Seated, Mode.Real, "issue 10 #2: not an invitee", AdminOpen),
            Api("GET", "/decisions/{decisionId:guid}", "/decisions/{decision}", null, Seated, Mode.Real, "issue 10 #2: not an invitee", AdminOpen),
            Api("POST", "/decisions/{decisionId:guid}/start-signing", "/decisions/{decision}/start-signing", null, Secretaries, Mode.Probe, "KZRU-18/21: a secretary; probe: already in signing"),
            Api("POST", "/decisions/{decisionId:guid}/signatures", "/decisions/{decision}/signatures", wrongSign, Secretaries, Mode.Probe, "KZRU-21: a programme decision (KZRU-08) is none of KZRU-21's (a)-(c), so the short route: the secretaries sign; probe: wrong password", refusalRules: ["KZRU-14", "KZRU-15", "KZRU-18", "KZRU-21"]),
            Api("POST", "/decisions/{decisionId:guid}/approvals", "/decisions/{decision}/approvals", wrongSign, CoChairs, Mode.Probe, "KZRU-04/18: co-chairs approve; probe: wrong password, not all signed"),
            Api("POST", "/decisions/{decisionId:guid}/distribution", "/decisions/{issuedDecision}/distribution", """{"sentOn":"{today}","how":"Письмом"}""", Secretaries, Mode.Probe, "CIS-12: the secretariat records the sending; probe: the KZRU profile tracks no distribution"),
            Api("POST", "/decisions/{decisionId:guid}/corrections", "/decisions/{decision}/corrections", """{"reason":""}""", Secretaries, Mode.Probe, "a secretary corrects; probe: empty"),
            Api("GET", "/decisions/{decisionId:guid}/pdf", "/decisions/{issuedDecision}/pdf", null, Seated, Mode.Real, "the issued PDF: the commission's people, not an invitee", AdminOpen, @case: "issued"),
            Api("GET", "/decisions/{decisionId:guid}/pdf", "/decisions/{decision}/pdf", null, Seated, Mode.Probe, "not issued yet: a 4xx for readers (only “no 5xx”), refused to others", AdminOpen.Plus(Seated), @case: "not issued yet"),
            Api("GET", "/verify/decisions/{decisionId:guid}", "/verify/decisions/{issuedDecision}", null, Everyone, Mode.Real, "public verification of an issued decision", @case: "issued"),
            Api("GET", "/verify/decisions/{decisionId:guid}", "/verify/decisions/{decision}", null, Everyone, Mode.Probe, "public verification (issue 10 #7: not issued → says only that)", @case: "not issued yet"),
            Api("POST", "/verify/hash", "/verify/hash", """{"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}""", Everyone, Mode.Probe, "public verification"),
            Api("POST", "/verify/document", "/verify/document", "pdf:", Everyone, Mode.Probe, "public verification"),
            Api("GET", "/audit/checkpoint", "/audit/checkpoint", null, Everyone, Mode.Real, "issue 14: the signed checkpoint of the audit chain is public (length and head hash, no content)"),
            Api("POST", "/audit/search", "/audit/search", "{}", [Admin], Mode.Real, "issue 14: the whole audit trail: administrators", @case: "whole trail"),
            Api("POST", "/audit/search", "/audit/search", """{"commissionId":"{commission}","person":"kz","from":"{today}"}""", Secretaries.Plus(Admin), Mode.Real, "issue 14: one commission's trail: its secretaries and administrators", @case: "one commission"),
            Api("POST", "/audit/search.csv", "/audit/search.csv", "{}", [Admin], Mode.Real, "issue 14: the whole audit trail as CSV: administrators", @case: "whole trail"),
            Api("POST", "/audit/search.csv", "/audit/search.csv", """{"commissionId":"{commission}"}""", Secretaries.Plus(Admin), Mode.Real, "issue 14: one commission's trail as CSV: its secretaries and administrators", @case: "one commission"),
            Api("GET", "/commissions/{commissionId:guid}/retention/", "/commissions/{commission}/retention", null, readers, Mode.Real, "KZRU-22: how long the records are kept: whoever reads them"),
            Api("POST", "/commissions/{commissionId:guid}/retention/completion", "/commissions/{commission}/retention/completion", """{"completedOn":null,"act":""}""", Secretaries, Mode.Probe, "KZRU-22: the secretaries keep the records; probe: empty", refusalRules: ["KZRU-22"]),
            Api("POST", "/commissions/{commissionId:guid}/retention/term-decision", "/commissions/{commission}/retention/term-decision", """{"decisionId":"{decision}","keepUntil":null,"act":""}""", Secretaries, Mode.Probe, "KZRU-22: the secretaries record a decision's term; probe: empty", refusalRules: ["KZRU-22"]),
            Api("POST", "/commissions/{commissionId:guid}/archive", "/commissions/{commission}/archive", """{"from":"{today}","to":"{today}"}""", Secretaries.Plus(Admin), Mode.Real, "KZRU-22: the archive of a period: the secretaries who keep the records, and administrators"),
            Api("POST", "/commissions/{commissionId:guid}/disposal-acts", "/commissions/{commission}/disposal-acts", """{"from":"{today}","to":"{today}","byDecision":"","archiveSha256":""}""", Secretaries, Mode.Probe, "KZRU-22: the secretaries record a disposal; probe: empty", refusalRules: ["KZRU-22"]),
            Api("POST", "/audit/verification", "/audit/verification", """{"checkpoint":null}""", [Admin], Mode.Real, "issue 14: administrators verify the audit chain"),
            Api("GET", "/sessions/{sessionId:guid}/agenda.pdf", "/sessions/{session}/agenda.pdf", null, Seated, Mode.Real, "the whole approved agenda: not an invitee (KZRU-14: their items only)", AdminOpen),
            Api("GET", "/sessions/{sessionId:guid}/minutes.pdf", "/sessions/{session}/minutes.pdf", null, Seated, Mode.Real, "minutes with the roll call: not an invitee", AdminOpen),

            // Carry-over (KZRU-11, KZRU-20).
            Api("POST", "/sessions/{sessionId:guid}/items/{itemId:guid}/referral", "/sessions/{session}/items/{item4}/referral", """{"task":"Согласовать","deadline":"{deadline}","memberIds":["{kzMemberMembership}"]}""", CoChairs, Mode.Probe, "KZRU-20: the co-chairs appoint an expert group; probe: item 4 is already referred (deputies get the same KZRU-20 refusal: open)", Deputies, refusalRules: ["KZRU-10"]),
            Api("POST", "/sessions/{sessionId:guid}/items/{itemId:guid}/deferral", "/sessions/{session}/items/{item1}/deferral", null, CoChairs.Plus(Secretaries), Mode.Probe, "KZRU-11: the presiding co-chair or a secretary; probe: item already decided", refusalRules: ["KZRU-10"]),
            Api("GET", "/referrals/{referralId:guid}/", "/referrals/{referral}", null, Seated, Mode.Real, "the commission's people", AdminOpen),
            Api("POST", "/referrals/{referralId:guid}/proposal", "/referrals/{referral}/proposal", """{"proposalRu":""}""", CoChairs.Plus(Secretaries), Mode.Probe, "KZRU-20; probe: no target session"),

            // Materials (KZRU-13).
            Api("GET", "/sessions/{sessionId:guid}/materials", "/sessions/{session}/materials", null, sessionReaders, Mode.Real, "the pack; an invitee sees their items' materials", AdminOpen),
            Api("POST", "/sessions/{sessionId:guid}/items/{itemId:guid}/materials", "/sessions/{session}/items/{item1}/materials", "multipart:", Voters, Mode.Probe, "KZRU-06/13: members and secretaries submit materials; probe: a text file"),
            Api("GET", "/sessions/{sessionId:guid}/materials/{materialId:guid}", "/sessions/{session}/materials/{material}", null, Seated, Mode.Real, "a material of item 1: not an invitee of item 3", AdminOpen),

            // Working-day calendars (WF-06, issue 13): public facts for the signed-in; an administrator keeps them (system data, not a commission's business).
            Api("GET", "/calendars/{country}/{year:int}", "/calendars/KZ/2026", null, SignedIn, Mode.Real, "WF-06: a calendar year is read by anyone signed in"),
            Api("GET", "/calendars/{country}/working-days", "/calendars/RU/working-days?from=2026-12-11&days=5", null, SignedIn, Mode.Real, "WF-06: the working-day count for anyone signed in"),
            Api("PUT", "/calendars/{country}/{year:int}", "/calendars/KZ/2026", """{"source":"","provisional":false,"version":1}""", [Admin], Mode.Probe, "WF-06: an administrator keeps the calendars; probe: no source"),
            Api("PUT", "/calendars/{country}/days/{date}", "/calendars/KZ/days/2026-06-03", """{"kind":"WorkingWeekend","version":1}""", [Admin], Mode.Probe, "WF-06: an administrator; probe: a weekday cannot be a working weekend day"),
            Api("DELETE", "/calendars/{country}/days/{date}", "/calendars/KZ/days/2026-01-01?version=1", null, [Admin], Mode.Probe, "WF-06: an administrator; probe: stale version of the year"),

            // Assignments under control (KZRU-05, KZRU-07, WF-02, WF-05; issue 13). The assignment is the KZ side's, the KZ member responsible.
            // Treaty register and annual report (WF-07), circulation (WF-04), fixed report dates (WF-05/07).
            Api("GET", "/commissions/{commissionId:guid}/treaties/", "/commissions/{commission}/treaties", null, readers, Mode.Real, "WF-07: the register for the commission's people"),
            Api("POST", "/commissions/{commissionId:guid}/treaties/", "/commissions/{commission}/treaties", """{"reportingSideId":"{kzSide}","nameRu":"","concludedOn":"2020-01-01"}""", Secretaries, Mode.Probe, "WF-07: the secretaries keep the register; probe: no name"),
            Api("PUT", "/treaties/{treatyId:guid}", "/treaties/{treaty}", """{"reportingSideId":"{kzSide}","nameRu":"Соглашение","concludedOn":"2004-12-22","version":1}""", Secretaries, Mode.Probe, "WF-07: the secretaries correct the register; probe: stale version"),
            Api("GET", "/treaties/{treatyId:guid}/reports/{year:int}", "/treaties/{treaty}/reports/2026", null, readers, Mode.Real, "WF-07: the drafted report for the commission's people"),
            Api("PUT", "/treaties/{treatyId:guid}/reports/{year:int}", "/treaties/{treaty}/reports/2026", """{"proposal":"Other"}""", [KzSecretary], Mode.Probe, "WF-07: the reporting (Kazakh) side's secretary only; probe: other without words"),
            Api("GET", "/treaties/{treatyId:guid}/reports/{year:int}/report.pdf", "/treaties/{treaty}/reports/2026/report.pdf", null, readers, Mode.Real, "WF-07: the report as PDF"),
            Api("GET", "/treaties/{treatyId:guid}/reports/{year:int}/report.docx", "/treaties/{treaty}/reports/2026/report.docx", null, readers, Mode.Real, "WF-07: the report as DOCX"),
            Api("GET", "/commissions/{commissionId:guid}/circulations/", "/commissions/{commission}/circulations", null, readers, Mode.Real, "WF-04: circulated drafts for the commission's people"),
            Api("POST", "/commissions/{commissionId:guid}/circulations/", "/commissions/{commission}/circulations", """{"sideId":"{kzSide}","titleRu":"Проект","bodies":[]}""", [KzSecretary], Mode.Probe, "WF-04/KZRU-07: the responsible side's secretary; probe: no bodies"),
            Api("GET", "/circulations/{circulationId:guid}", "/circulations/{circulation}", null, readers, Mode.Real, "WF-04: the commission's people"),
            Api("POST", "/circulations/{circulationId:guid}/bodies/{bodyId:guid}/answer", "/circulations/{circulation}/bodies/{circulationBody}/answer", """{"answer":"Agreed"}""", [KzSecretary], Mode.Probe, "WF-04/KZRU-07: the responsible side's secretary; probe: the body has answered"),
            Api("GET", "/commissions/{commissionId:guid}/report-dates", "/commissions/{commission}/report-dates", null, readers, Mode.Real, "WF-05/07: the fixed report dates for the commission's people"),
            Api("GET", "/commissions/{commissionId:guid}/assignments/", "/commissions/{commission}/assignments?filter=All", null, readers, Mode.Real, "KZRU-07: the control list for the commission's people (not an invitee, KZRU-14) and the administrator's reading"),
            Api("POST", "/commissions/{commissionId:guid}/assignments/", "/commissions/{commission}/assignments", """{"sideId":"{kzSide}","decisionId":"{issuedDecision}","taskRu":"","organisation":"","workingDays":5}""", [KzSecretary], Mode.Probe, "KZRU-07: the secretary of the responsible side records a decision's assignments; probe: no task and no organisation"),
            Api("GET", "/assignments/mine", "/assignments/mine", null, SignedIn, Mode.Real, "one's own assignments"),
            Api("GET", "/commissions/{commissionId:guid}/assignments/discipline", "/commissions/{commission}/assignments/discipline?from=2026-01-01&to=2027-12-31", null, readers, Mode.Real, "WF-05: execution discipline for the commission's people"),
            Api("POST", "/commissions/{commissionId:guid}/assignments/to-agenda", "/commissions/{commission}/assignments/to-agenda", """{"sessionId":"{session}"}""", Secretaries, Mode.Probe, "KZRU-07: the secretaries draft the agenda; probe: the session is in progress (its agenda is fixed)"),
            Api("GET", "/commissions/{commissionId:guid}/assignments/report.pdf", "/commissions/{commission}/assignments/report.pdf?from=2026-01-01&to=2027-12-31", null, readers, Mode.Real, "WF-05: the consolidated report for the commission's people"),
            Api("GET", "/commissions/{commissionId:guid}/assignments/report.csv", "/commissions/{commission}/assignments/report.csv?from=2026-01-01&to=2027-12-31", null, readers, Mode.Real, "WF-05: the same as CSV"),
            Api("GET", "/assignments/{assignmentId:guid}", "/assignments/{assignment}", null, readers, Mode.Real, "the commission's people (not an invitee)"),
            Api("POST", "/assignments/{assignmentId:guid}/reports", "/assignments/{cancelledAssignment}/reports", "multipart:", [KzMember, KzSecretary], Mode.Probe, "WF-05: the responsible person or the secretary of the side; probe: no text, a cancelled assignment"),
            Api("GET", "/assignments/{assignmentId:guid}/files/{fileId:guid}", "/assignments/{assignment}/files/{assignmentFile}", null, readers, Mode.Real, "a report's file: the commission's people"),
            Api("POST", "/assignments/{assignmentId:guid}/accept", "/assignments/{assignment}/accept", """{"reportId":"{assignmentReport}"}""", [KzSecretary], Mode.Probe, "KZRU-07: the controller (the KZ secretary); probe: report 1 was superseded by report 2"),
            Api("POST", "/assignments/{assignmentId:guid}/return", "/assignments/{assignment}/return", """{"reportId":"{assignmentReport}","reason":"x"}""", [KzSecretary], Mode.Probe, "KZRU-07/WF-02: the controller; probe: report 1 was superseded"),
            Api("POST", "/assignments/{assignmentId:guid}/cancel", "/assignments/{cancelledAssignment}/cancel", """{"reason":"","version":1}""", [KzSecretary], Mode.Probe, "KZRU-07: the secretary of the side; probe: no reason, already cancelled"),
            Api("POST", "/assignments/{assignmentId:guid}/extensions", "/assignments/{assignment}/extensions", """{"workingDays":5,"reason":""}""", [KzMember, KzSecretary], Mode.Probe, "the responsible person or the side's secretary; probe: one extension already waits, no reason"),
            Api("POST", "/assignments/{assignmentId:guid}/extensions/{extensionId:guid}/decision", "/assignments/{assignment}/extensions/{refusedExtension}/decision", """{"approve":true}""", [KzCoChair], Mode.Probe, "KZRU-04: the co-chair of the assignment's side only; probe: already refused"),

            // Outside /api.
            new("OTHER ANY /health/live", "", "GET", "/health/live", null, Everyone, Mode.Real, "health is public"),
            new("OTHER ANY /health/ready", "", "GET", "/health/ready", null, Everyone, Mode.Real, "health is public"),
            new("OTHER GET /openapi/{documentName}.json", "", "GET", "/openapi/v1.json", null, Everyone, Mode.Real, "the API contract is public"),
            new("OTHER GET /source", "", "GET", "/source", null, Everyone, Mode.Real, "AGPL-3.0 section 13"),
            new("HUB /hubs/live Join", "WebSockets", "WS", "{session}", null, Seated, Mode.Real, "issue 10 #2: the hub sends every vote; not an invitee", AdminOpen),
            new("HUB /hubs/live Join", "long polling", "LP", "{session}", null, Seated, Mode.Real, "the same over long polling (issue 10: Join fails there with “Sign in first”)", AdminOpen),

            // Pages: account.
            Page("GET", "/Account/Login", null, "/Account/Login", null, Everyone, "sign-in is public"),
            Page("POST", "/Account/Login", null, "/Account/Login", "Input.UserName=matrix.nobody&Input.Password=wrong", Everyone, "sign-in is public; probe: unknown user"),
            Page("GET", "/Account/LoginWith2fa", null, "/Account/LoginWith2fa", null, Everyone, "public step of sign-in (without a first step it sends back to sign-in)", Everyone),
            Page("POST", "/Account/LoginWith2fa", null, "/Account/LoginWith2fa", "Input.Code=000000", Everyone, "public step of sign-in", Everyone),
            Page("GET", "/Account/LoginWithRecoveryCode", null, "/Account/LoginWithRecoveryCode", null, Everyone, "public step of sign-in", Everyone),
            Page("POST", "/Account/LoginWithRecoveryCode", null, "/Account/LoginWithRecoveryCode", "Input.RecoveryCode=x", Everyone, "public step of sign-in", Everyone),
            Page("GET", "/Account/Logout", null, "/Account/Logout", null, SignedIn, "signed-in", [Anonymous]),
            Page("POST", "/Account/Logout", null, "/Account/Logout", "", SignedIn, "signs out (own fresh session): the answer is a redirect to sign-in for everyone, so only “no 5xx” is asserted", Everyone, fresh: true),
            Page("GET", "/Account/Manage/Index", null, "/Account/Manage", null, SignedIn, "one's own account"),
            Page("POST", "/Account/Manage/Index", null, "/Account/Manage", "Data.DisplayName=", SignedIn, "one's own account; probe: empty name"),
            Page("GET", "/Account/Settings", null, "/Account/Settings", null, SignedIn, "issue 15: one's own settings"),
            Page("POST", "/Account/Settings", null, "/Account/Settings", "Data.TimeZoneId=Mars/Olympus", SignedIn, "issue 15: one's own settings; probe: unknown zone"),
            Page("GET", "/Account/Manage/Password", null, "/Account/Manage/Password", null, SignedIn, "one's own password"),
            Page("POST", "/Account/Manage/Password", null, "/Account/Manage/Password", "Data.CurrentPassword=wrong&Data.NewPassword=x&Data.ConfirmPassword=y", SignedIn, "one's own password; probe: wrong"),
            Page("GET", "/Account/Manage/TwoFactor", null, "/Account/Manage/TwoFactor", null, SignedIn, "one's own 2FA"),
            Page("POST", "/Account/Manage/TwoFactor", "Start", "/Account/Manage/TwoFactor?handler=Start", "", SignedIn, "one's own 2FA (a key, not enabled)"),
            Page("POST", "/Account/Manage/TwoFactor", "Enable", "/Account/Manage/TwoFactor?handler=Enable", "Data.Code=000000", SignedIn, "one's own 2FA; probe: wrong code"),
            Page("POST", "/Account/Manage/TwoFactor", "Disable", "/Account/Manage/TwoFactor?handler=Disable", "Data.Code=000000", SignedIn, "one's own 2FA; probe: not on"),

            // Pages: administration.
            Page("GET", "/Admin/Users/Index", null, "/Admin/Users", null, [Admin], "administrators only"),
            Page("GET", "/Audit/Index", null, "/Audit", null, Secretaries.Plus(Admin, OtherSecretary), "issue 14: the whole audit trail: administrators; a commission's secretary is sent on to their own commission's trail (the navigation's link)", @case: "whole trail"),
            Page("GET", "/Search/Index", null, "/Search?q=%D1%80%D0%B5%D1%88%D0%B5%D0%BD%D0%B8%D0%B5", null, SignedIn, "issue 14: search: every signed-in person, finding only what they may read"),
            Page("GET", "/Audit/Index", null, "/Audit?commissionId={commission}&action=Membership", null, Secretaries.Plus(Admin), "issue 14: one commission's trail: its secretaries and administrators", @case: "one commission"),
            Page("GET", "/Audit/Index", "Csv", "/Audit?handler=Csv&commissionId={commission}", null, Secretaries.Plus(Admin), "issue 14: one commission's trail as CSV: its secretaries and administrators"),
            Page("GET", "/Records/Index", null, "/Records?commissionId={commission}", null, readers, "KZRU-22: how long the records are kept: whoever reads them"),
            Page("POST", "/Records/Index", null, "/Records?commissionId={commission}", "Data.Act=", Secretaries, "KZRU-22: the secretaries record the flight tests' completion; probe: empty"),
            Page("GET", "/Records/Index", "Archive", "/Records?handler=Archive&commissionId={commission}&from={today}&to={today}", null, Secretaries.Plus(Admin), "KZRU-22: the archive of a period: the secretaries who keep the records, and administrators"),
            Page("POST", "/Records/Index", "Dispose", "/Records?handler=Dispose&commissionId={commission}", "Disposal.ByDecision=", Secretaries, "KZRU-22: the secretaries record a disposal; probe: empty"),
            Page("GET", "/Admin/Audit/Verify", null, "/Admin/Audit/Verify", null, [Admin], "issue 14: administrators verify the audit chain"),
            Page("POST", "/Admin/Audit/Verify", null, "/Admin/Audit/Verify", "Checkpoint=", [Admin], "issue 14: administrators verify the audit chain (a read)"),
            Page("POST", "/Admin/Users/Index", "Disable", "/Admin/Users?handler=Disable", "Data.UserId={spareUser}", [Admin], "administrators only (a spare sign-in)"),
            Page("POST", "/Admin/Users/Index", "Grant", "/Admin/Users?handler=Grant", "Data.UserId={spareUser}&confirmed=true", [Admin], "administrators only (a spare sign-in)"),
            Page("POST", "/Admin/Users/Index", "Revoke", "/Admin/Users?handler=Revoke", "Data.UserId={spareUser}", [Admin], "administrators only (a spare sign-in)"),
            Page("POST", "/Admin/Users/Index", "Unlock", "/Admin/Users?handler=Unlock", "Data.UserId={spareUser}", [Admin], "administrators only (a spare sign-in)"),
            Page("POST", "/Admin/Users/Index", "RevokeToken", "/Admin/Users?handler=RevokeToken", "Data.TokenId={spareToken3}", [Admin], "an administrator revokes a user's token (issue 10 #5)"),
            Page("POST", "/Admin/Users/Index", "RevokeTokens", "/Admin/Users?handler=RevokeTokens", "Data.UserId={spareUser}", [Admin], "an administrator revokes all of a user's tokens (issue 10 #5)"),
            Page("GET", "/Admin/Users/Create", null, "/Admin/Users/Create", null, [Admin], "administrators only"),
            Page("POST", "/Admin/Users/Create", null, "/Admin/Users/Create", "Data.UserName=", [Admin], "administrators only; probe: empty"),
            Page("GET", "/Admin/Users/ResetPassword", null, "/Admin/Users/ResetPassword/{spareUser}", null, [Admin], "administrators only"),
            Page("POST", "/Admin/Users/ResetPassword", null, "/Admin/Users/ResetPassword/{spareUser}", "Data.NewPassword=", [Admin], "administrators only; probe: empty"),
            Page("GET", "/Commissions/Create", null, "/Commissions/Create", null, [Admin], "administrators create commissions"),
            Page("POST", "/Commissions/Create", null, "/Commissions/Create", "Data.Code=", [Admin], "administrators create commissions; probe: empty"),
            Page("POST", "/Commissions/Create", "AddSide", "/Commissions/Create?handler=AddSide", "Data.Code=X", [Admin], "administrators create commissions"),
            Page("GET", "/Api/Index", null, "/Api", null, SignedIn, "API documentation for the signed-in (issue 10: signed-out → sign-in)"),
            Page("GET", "/Api/Tokens", null, "/Api/Tokens", null, SignedIn, "one's own tokens"),
            Page("POST", "/Api/Tokens", "Create", "/Api/Tokens?handler=Create", "Data.Name=&Data.ExpiresInDays=30", SignedIn, "one's own tokens; probe: no name"),
            Page("POST", "/Api/Tokens", "Revoke", "/Api/Tokens?handler=Revoke", "tokenId={spareToken}", [KzMember, Admin], "one's own token (the KZ member's spare); an administrator's (issue 10 #5)"),
            Page("GET", "/Calendar/Index", null, "/Calendar", null, SignedIn, "one's own calendar"),
            Page("POST", "/Calendar/Index", "Issue", "/Calendar?handler=Issue", "", SignedIn, "one's own feed"),
            Page("POST", "/Calendar/Index", "Revoke", "/Calendar?handler=Revoke", "", SignedIn, "one's own feed"),
            Page("GET", "/Calendar/My", null, "/Calendar/My.ics", null, SignedIn, "one's own calendar"),
            Page("GET", "/Calendar/Feed", null, "/Calendar/Feed/not-a-token.ics", null, Nobody, "the feed's secret is the credential; an unknown one is refused to all"),
            Page("GET", "/Error", null, "/Error/404", null, Everyone, "status pages are public", Everyone),
            Page("POST", "/Error", null, "/Error", "", Everyone, "status pages are public", Everyone),
            Page("GET", "/Index", null, "/", null, SignedIn, "home leads the signed-in on; the signed-out to sign-in"),
            Page("GET", "/Language", null, "/Language?culture=ru&returnUrl=/", null, Everyone, "choosing a language is public"),
            Page("GET", "/Verify/Index", null, "/Verify/{issuedDecision}", null, Everyone, "public verification of an issued decision", @case: "issued"),
            Page("GET", "/Verify/Index", null, "/Verify/{decision}", null, Everyone, "public verification (issue 10 #7: not issued → says only that)", @case: "not issued yet"),
            Page("POST", "/Verify/Index", null, "/Verify/{decision}", "", Everyone, "public verification; probe: no file"),

            // Pages: commissions, people, memberships.
            Page("GET", "/Commissions/Index", null, "/Commissions", null, SignedIn, "one's own commissions"),
            Page("GET", "/Commissions/Profile", null, "/Commissions/Profile/{commission}", null, readers.Plus(Invitee), "the rules"),
            Page("GET", "/Commissions/Roster", null, "/Commissions/Roster/{commission}", null, readers, "roster with contacts (issue 10 #3)"),
            Page("GET", "/Commissions/Extraordinary", null, "/Commissions/Extraordinary/{commission}", null, readers, "CIS-04: the proposals (a KZRU commission shows that it has none)"),
            Page("POST", "/Commissions/Extraordinary", "Propose", "/Commissions/Extraordinary/{commission}?handler=Propose", "Proposal.Subject=Внеочередное", Nobody, "CIS-04: nobody proposes under KZRU"),
            Page("POST", "/Commissions/Extraordinary", "Answer", "/Commissions/Extraordinary/{commission}?handler=Answer", "proposalId={missing}&answer=Supports", Nobody, "CIS-04: no such proposal"),
            Page("GET", "/Commissions/Chair", null, "/Commissions/Chair/{commission}", null, readers, "CIS-03: the chair's terms (a KZRU commission shows that it has no rotating chair)"),
            Page("POST", "/Commissions/Chair", null, "/Commissions/Chair/{commission}", "Term.SideId={kzSide}&Term.StartsOn={today}&Term.EndsOn={deadline}", Secretaries.Plus(Admin), "CIS-03: the roster keepers record a term; the KZRU profile refuses it (no rotating chair)"),
            Page("GET", "/People/Details", null, "/People/Details/{kzMemberPerson}", null, readers, "contacts only inside the person's commission (issue 10 #3)"),
            Page("GET", "/Memberships/Add", null, "/Memberships/Add/{commission}?sideId={kzSide}", null, [KzSecretary, Admin], "KZRU-02: the side's secretary or an administrator", [RuSecretary]),
            Page("POST", "/Memberships/Add", null, "/Memberships/Add/{commission}", "Data.SideId={kzSide}&Data.Role=Member", [KzSecretary, Admin], "KZRU-02; probe: names missing"),
            Page("GET", "/Memberships/Edit", null, "/Memberships/Edit/{kzMemberMembership}", null, [KzSecretary, Admin], "KZRU-02"),
            Page("POST", "/Memberships/Edit", null, "/Memberships/Edit/{kzMemberMembership}", "Data.CommissionId={commission}&Data.Version={stale}&Data.SideId={kzSide}&Data.Role=Member&Data.AppointingActNumber=1&Data.AppointingAuthorityRu=x&Data.AppointingActDate={today}&Data.TermStart={today}", [KzSecretary, Admin], "KZRU-02; probe: stale"),
            Page("GET", "/Memberships/End", null, "/Memberships/End/{kzMemberMembership}", null, [KzSecretary, Admin], "the side's secretary or an administrator"),
            Page("POST", "/Memberships/End", null, "/Memberships/End/{kzMemberMembership}", "Data.CommissionId={commission}&Data.MembershipId={kzMemberMembership}&Data.Version={stale}&Data.Reason=", [KzSecretary, Admin], "probe: no reason"),
            Page("GET", "/Notifications/Index", null, "/Notifications", null, SignedIn, "one's own notifications"),
            Page("POST", "/Notifications/Index", "Read", "/Notifications?handler=Read&id={missing}", "", SignedIn, "one's own notification (an unknown one: 404 for all)", SignedIn),
            Page("POST", "/Notifications/Index", "ReadAll", "/Notifications?handler=ReadAll", "", SignedIn, "one's own notifications"),

            // Pages: proposals.
            Page("GET", "/Proposals/Create", null, "/Proposals/Create?sessionId={draftSession}", null, Voters.Except(Secretaries).ToArray(), "KZRU-06 (secretaries: open)", Secretaries),
            Page("POST", "/Proposals/Create", null, "/Proposals/Create", "Data.SessionId={draftSession}&Data.TitleRu=", Voters.Except(Secretaries).ToArray(), "KZRU-06; probe: no title (secretaries: open)", Secretaries),
            Page("GET", "/Proposals/Mine", null, "/Proposals/Mine", null, SignedIn, "one's own"),
            Page("GET", "/Proposals/Inbox", null, "/Proposals/Inbox", null, [.. Secretaries, OtherSecretary], "KZRU-06: a secretary's inbox"),
            Page("POST", "/Proposals/Inbox", "Accept", "/Proposals/Inbox?handler=Accept", "accept.ProposalId={proposal}&accept.Version={stale}&accept.DecisionKind=Other", [KzSecretary], "KZRU-06: the proposer's side's secretary; probe: stale"),
            Page("POST", "/Proposals/Inbox", "Decline", "/Proposals/Inbox?handler=Decline", "Data.ProposalId={proposal}&Data.Version={stale}&Data.Reason=x", [KzSecretary], "KZRU-06; probe: stale"),

            // Pages: sessions.
            Page("GET", "/Sessions/Index", null, "/Sessions?commissionId={commission}", null, sessionReaders, "sessions of the commission", AdminOpen),
            Page("GET", "/Sessions/Plan", null, "/Sessions/Plan?commissionId={commission}", null, Seated, "the work plan", AdminOpen.Plus(Invitee)),
            Page("GET", "/Sessions/Create", null, "/Sessions/Create?commissionId={commission}", null, Secretaries, "KZRU-07"),
            Page("POST", "/Sessions/Create", null, "/Sessions/Create", "Data.CommissionId={commission}&Data.Kind=Regular&Data.Format=Mixed&Data.Place=A&Data.ConferenceLink=https://vc.example.kz&Data.StartLocal={future}&Data.TimeZoneId=Mars/Olympus_Mons", Secretaries, "KZRU-07; probe: unknown zone"),
            Page("GET", "/Sessions/Details", null, "/Sessions/Details/{session}", null, sessionReaders, "the session; an invitee sees their items", AdminOpen),
            Page("POST", "/Sessions/Details", null, "/Sessions/Details/{draftSession}", "Data.Version={stale}&Data.Step=Cancel&Data.Reason=x", Secretaries, "KZRU-07; probe: stale"),
            Page("GET", "/Sessions/Details", "AgendaPdf", "/Sessions/Details/{session}?handler=AgendaPdf", null, Seated, "whole agenda: not an invitee", AdminOpen),
            Page("GET", "/Sessions/Details", "MinutesPdf", "/Sessions/Details/{session}?handler=MinutesPdf", null, Seated, "minutes: not an invitee", AdminOpen),
            Page("GET", "/Sessions/Edit", null, "/Sessions/Edit/{draftSession}", null, Secretaries, "KZRU-07"),
            Page("POST", "/Sessions/Edit", null, "/Sessions/Edit/{draftSession}", "Data.Version={stale}&Data.Kind=Regular&Data.Format=Mixed&Data.Place=A&Data.ConferenceLink=https://vc.example.kz&Data.StartLocal={future}&Data.TimeZoneId=Asia/Almaty", Secretaries, "KZRU-07; probe: stale"),
            Page("GET", "/Sessions/Agenda", null, "/Sessions/Agenda/{draftSession}", null, Secretaries, "KZRU-07"),
            Page("POST", "/Sessions/Agenda", null, "/Sessions/Agenda/{draftSession}", "Data.Version={stale}&Data.TitleRu=P&Data.Rapporteurs=R&Data.DecisionKind=Other&Data.DraftDecisionRu=D", Secretaries, "KZRU-07; probe: stale"),
            Page("POST", "/Sessions/Agenda", "Move", "/Sessions/Agenda/{draftSession}?handler=Move", "itemId={draftItem}&direction=1&version={stale}", Secretaries, "KZRU-07; probe: stale"),
            Page("POST", "/Sessions/Agenda", "Remove", "/Sessions/Agenda/{draftSession}?handler=Remove", "itemId={draftItem}&version={stale}&confirmed=true", Secretaries, "KZRU-07; probe: stale"),
            Page("POST", "/Sessions/Agenda", "Send", "/Sessions/Agenda/{draftSession}?handler=Send", "version={stale}", Secretaries, "KZRU-07/11; probe: stale"),
            Page("GET", "/Sessions/Approve", null, "/Sessions/Approve/{draftSession}", null, CoChairs, "KZRU-11", Secretaries),
            Page("POST", "/Sessions/Approve", null, "/Sessions/Approve/{draftSession}", "Data.AgendaVersion=9999&Data.Outcome=Approved", CoChairs, "KZRU-11; probe: no such version"),
            Page("POST", "/Sessions/Approve", "Accept", "/Sessions/Approve/{draftSession}?handler=Accept", "itemId={draftItem}", CoChairs, "KZRU-12; probe: not a late item"),
            Page("GET", "/Sessions/Invitees", null, "/Sessions/Invitees/{draftSession}", null, Secretaries, "KZRU-07"),
            Page("POST", "/Sessions/Invitees", null, "/Sessions/Invitees/{draftSession}", "Data.Version={stale}&Data.FullName=G&Data.Organisation=O&Data.ItemIds={draftItem}", Secretaries, "KZRU-07; probe: stale"),
            Page("POST", "/Sessions/Invitees", "Remove", "/Sessions/Invitees/{draftSession}?handler=Remove", "inviteeId={draftInvitee}&version={stale}", Secretaries, "KZRU-07; probe: stale"),
            Page("GET", "/Sessions/Live", null, "/Sessions/Live/{session}", null, Seated, "issue 10 #2: not an invitee", AdminOpen),
            Page("GET", "/Sessions/Live", "Panel", "/Sessions/Live/{session}?handler=Panel", null, Seated, "issue 10 #2: not an invitee", AdminOpen),
            Page("POST", "/Sessions/Live", "Attendance", "/Sessions/Live/{session}?handler=Attendance", "Attendance.SessionId={session}&Attendance.MembershipId={quietKzMember}&Attendance.Mode=InPerson", [KzSecretary], "KZRU-07: own side's secretary"),
            Page("POST", "/Sessions/Live", "CheckIn", "/Sessions/Live/{session}?handler=CheckIn", "mode=InPerson", Seated, "KZRU-14/15"),
            Page("POST", "/Sessions/Live", "Credentials", "/Sessions/Live/{session}?handler=Credentials", "Credentials.MembershipId={quietKzMember}&Credentials.Document=Доверенность", Nobody, "CIS-01: the KZRU profile grants nobody the confirmation of credentials"),
            Page("POST", "/Sessions/Live", "NoInterest", "/Sessions/Live/{session}?handler=NoInterest", "agendaItemId={item4}", Nobody, "CIS-08: no declarations of no interest under KZRU"),
            Page("POST", "/Sessions/Live", "Affected", "/Sessions/Live/{session}?handler=Affected", "agendaItemId={item4}&sideIds={kzSide}", Nobody, "CIS-11: no affected states under KZRU"),
            Page("POST", "/Sessions/Live", "Open", "/Sessions/Live/{session}?handler=Open", "agendaItemId={item1}", CoChairs, "KZRU-10; probe: decided item (a deputy's rule refusal re-renders the page: asserted on the API row)", Deputies),
            Page("POST", "/Sessions/Live", "Cast", "/Sessions/Live/{session}?handler=Cast", "ballotId={ballotOpen}&choice=For", Voters, "KZRU-15/17: voters only"),
            Page("POST", "/Sessions/Live", "Close", "/Sessions/Live/{session}?handler=Close", "ballotId={ballotClosed}", CoChairs, "KZRU-10; probe: closed (deputies: see the API row)", Deputies),
            Page("POST", "/Sessions/Live", "Dissent", "/Sessions/Live/{session}?handler=Dissent", "Dissent.BallotId={ballotClosed}&Dissent.Language=ru&Dissent.Text=Нет", Voters, "KZRU-19; probe: voted For (the representative: see the API row)", [KzRepresentative]),
            Page("POST", "/Sessions/Live", "Refer", "/Sessions/Live/{session}?handler=Refer", "Referral.SessionId={session}&Referral.AgendaItemId={item4}&Referral.Task=", CoChairs, "KZRU-20; probe: no task (deputies: see the API row)", Deputies),
            Page("POST", "/Sessions/Live", "Defer", "/Sessions/Live/{session}?handler=Defer", "agendaItemId={item1}", CoChairs.Plus(Secretaries), "KZRU-11; probe: decided item (deputies: see the API row)", Deputies),
            Page("GET", "/Sessions/Screen", null, "/Sessions/Screen/{session}", null, Seated, "the room's screen: roll call, not an invitee", AdminOpen),
            Page("GET", "/Sessions/Screen", "Panel", "/Sessions/Screen/{session}?handler=Panel", null, Seated, "not an invitee", AdminOpen),
            Page("GET", "/Sessions/Desk", null, "/Sessions/Desk/{session}", null, Secretaries, "issue #15: the secretaries' desk (KZRU-07)", AdminOpen),
            Page("POST", "/Sessions/Desk", "Register", "/Sessions/Desk/{session}?handler=Register", "Marks[0].MembershipId={quietKzMember}&Marks[0].Mode=Represented", Secretaries, "KZRU-07: the register; probe: represented without a name (a refused row comes back on the page)"),
            Page("POST", "/Sessions/Desk", "Hands", "/Sessions/Desk/{session}?handler=Hands", "ballotId={ballotClosed}&Hands[0].MembershipId={quietKzMember}&Hands[0].Choice=For", Secretaries, "KZRU-17: the show of hands; probe: the vote is closed"),
            Page("POST", "/Sessions/Desk", "CreateLink", "/Sessions/Desk/{session}?handler=CreateLink", "label=" + new string('x', 201), Secretaries, "issue #15: a secretary creates a screen link; probe: label too long"),
            Page("POST", "/Sessions/Desk", "RevokeLink", "/Sessions/Desk/{session}?handler=RevokeLink", "linkId={revokedLink}", Secretaries, "issue #15: a secretary revokes a screen link; probe: already revoked"),
            Page("GET", "/Sessions/Pack", null, "/Sessions/Pack/{session}", null, sessionReaders, "the pack; an invitee sees their items", AdminOpen),
            Page("POST", "/Sessions/Pack", null, "/Sessions/Pack/{session}", "multipart:Data.SessionId={session}&Data.ItemId={item1}", Voters, "KZRU-13; probe: a text file"),
            Page("GET", "/Sessions/Pack", "File", "/Sessions/Pack/{session}?handler=File&materialId={material}", null, Seated, "item 1's material: not the invitee of item 3", AdminOpen),
            Page("GET", "/Sessions/Pack", "Zip", "/Sessions/Pack/{session}?handler=Zip", null, Seated, "the whole pack", AdminOpen.Plus(Invitee)),
            Page("GET", "/Sessions/Referral", null, "/Sessions/Referral/{referral}", null, Seated, "the commission's people", AdminOpen),
            Page("POST", "/Sessions/Referral", null, "/Sessions/Referral/{referral}", "Data.ReferralId={referral}&Data.ProposalRu=", CoChairs.Plus(Secretaries), "KZRU-20; probe: empty"),

            // Pages: working-day calendars (WF-06).
            Page("GET", "/WorkingDays/Index", null, "/WorkingDays?country=KZ&year=2026", null, SignedIn, "WF-06: the calendar and the count for anyone signed in"),
            Page("POST", "/WorkingDays/Index", "Year", "/WorkingDays?handler=Year", "country=KZ&year=2026&YearData.Source=&YearData.Version=1", [Admin], "WF-06: an administrator; probe: no source"),
            Page("POST", "/WorkingDays/Index", "Day", "/WorkingDays?handler=Day", "country=KZ&year=2026&Data.Date=2026-06-03&Data.Kind=WorkingWeekend&Data.Version=1", [Admin], "WF-06: an administrator; probe: a weekday as a working weekend day"),
            Page("POST", "/WorkingDays/Index", "Remove", "/WorkingDays?handler=Remove", "country=KZ&year=2026&date=2026-01-01&version=1", [Admin], "WF-06: an administrator; probe: stale version of the year"),

            // Pages: execution control (KZRU-05, KZRU-07, WF-02, WF-05).
            Page("GET", "/Execution/Index", null, "/Execution?commissionId={commission}", null, readers, "KZRU-07: the control page for the commission's people (not an invitee)"),
            Page("GET", "/Execution/Mine", null, "/Execution/Mine", null, SignedIn, "one's own assignments"),
            Page("POST", "/Execution/Index", "PutOnAgenda", "/Execution?handler=PutOnAgenda", "commissionId={commission}&sessionId={session}", Secretaries, "KZRU-07: the secretaries draft the agenda; probe: the session is in progress"),
            Page("GET", "/Execution/Index", "ReportPdf", "/Execution?commissionId={commission}&handler=ReportPdf&from=2026-01-01&to=2027-12-31", null, readers, "WF-05: the consolidated report"),
            Page("GET", "/Execution/Index", "ReportCsv", "/Execution?commissionId={commission}&handler=ReportCsv&from=2026-01-01&to=2027-12-31", null, readers, "WF-05: the consolidated report as CSV"),
            Page("GET", "/Execution/Create", null, "/Execution/Create?commissionId={commission}", null, [.. Secretaries, .. CoChairs], "KZRU-07 secretaries record a decision's assignments; KZRU-05 co-chairs give their own"),
            Page("POST", "/Execution/Create", null, "/Execution/Create", "Data.CommissionId={commission}&Data.SideId={kzSide}&Data.Source=Decision&Data.DecisionId={issuedDecision}&Data.TaskRu=&Data.Organisation=", [KzSecretary], "KZRU-07: the secretary of the responsible side; probe: no task, no organisation"),
            Page("GET", "/Execution/Details", null, "/Execution/Details/{assignment}", null, readers, "the commission's people"),
            Page("GET", "/Execution/Details", "File", "/Execution/Details/{assignment}?handler=File&fileId={assignmentFile}", null, readers, "a report's file: the commission's people"),
            Page("POST", "/Execution/Details", "Report", "/Execution/Details/{cancelledAssignment}?handler=Report", "Data=", [KzMember, KzSecretary], "WF-05: the responsible person or the side's secretary; probe: no text, cancelled"),
            Page("POST", "/Execution/Details", "Accept", "/Execution/Details/{assignment}?handler=Accept", "ReportId={assignmentReport}", [KzSecretary], "KZRU-07: the controller; probe: superseded report"),
            Page("POST", "/Execution/Details", "Return", "/Execution/Details/{assignment}?handler=Return", "ReportId={assignmentReport}&Data=x", [KzSecretary], "KZRU-07/WF-02: the controller; probe: superseded report"),
            Page("POST", "/Execution/Details", "Cancel", "/Execution/Details/{cancelledAssignment}?handler=Cancel", "Data=&Version=1", [KzSecretary], "KZRU-07: the side's secretary; probe: no reason, already cancelled"),
            Page("POST", "/Execution/Details", "Extension", "/Execution/Details/{assignment}?handler=Extension", "Extension.WorkingDays=5&Extension.Reason=", [KzMember, KzSecretary], "the responsible person or the side's secretary; probe: one already waits, no reason"),
            Page("POST", "/Execution/Details", "Decide", "/Execution/Details/{assignment}?handler=Decide", "extensionId={refusedExtension}&approve=true", [KzCoChair], "KZRU-04: the co-chair of the assignment's side; probe: already refused"),

            // Pages: treaty register and report (WF-07), circulation (WF-04).
            Page("GET", "/Treaties/Index", null, "/Treaties?commissionId={commission}", null, readers, "WF-07: the register for the commission's people"),
            Page("GET", "/Treaties/Edit", null, "/Treaties/Edit?commissionId={commission}", null, Secretaries, "WF-07: the secretaries keep the register"),
            Page("POST", "/Treaties/Edit", null, "/Treaties/Edit", "Data.CommissionId={commission}&Data.ReportingSideId={kzSide}&Data.NameRu=&Data.ConcludedOn=2020-01-01", Secretaries, "WF-07: the secretaries; probe: no name"),
            Page("GET", "/Treaties/Report", null, "/Treaties/Report/{treaty}?year=2026", null, readers, "WF-07: the drafted report"),
            Page("POST", "/Treaties/Report", null, "/Treaties/Report/{treaty}?year=2026", "Proposal=Other", [KzSecretary], "WF-07: the reporting (Kazakh) side's secretary only; probe: other without words"),
            Page("GET", "/Treaties/Report", "Pdf", "/Treaties/Report/{treaty}?year=2026&handler=Pdf", null, readers, "WF-07: the report as PDF"),
            Page("GET", "/Treaties/Report", "Docx", "/Treaties/Report/{treaty}?year=2026&handler=Docx", null, readers, "WF-07: the report as DOCX"),
            Page("GET", "/Circulation/Index", null, "/Circulation?commissionId={commission}", null, readers, "WF-04: circulated drafts"),
            Page("POST", "/Circulation/Index", null, "/Circulation?commissionId={commission}", "Data.SideId={kzSide}&Data.TitleRu=Проект&BodiesText=", [KzSecretary], "WF-04/KZRU-07: the responsible side's secretary; probe: no bodies"),
            Page("GET", "/Circulation/Details", null, "/Circulation/Details/{circulation}", null, readers, "WF-04: the commission's people"),
            Page("POST", "/Circulation/Details", "Answer", "/Circulation/Details/{circulation}?handler=Answer", "BodyId={circulationBody}&Answer=Agreed", [KzSecretary], "WF-04/KZRU-07: the responsible side's secretary; probe: the body has answered"),

            // Pages: decisions.
            Page("GET", "/Decisions/Index", null, "/Decisions", null, SignedIn, "one's own"),
            Page("GET", "/Decisions/Index", "Ballot", "/Decisions?handler=Ballot&ballotId={ballotClosed}", null, Seated, "issue 10 #2: not an invitee", AdminOpen),
            Page("GET", "/Decisions/Details", null, "/Decisions/Details/{decision}", null, Seated, "issue 10 #2: not an invitee", AdminOpen),
            Page("POST", "/Decisions/Details", "Distribution", "/Decisions/Details/{issuedDecision}?handler=Distribution", "Distribution.SentOn={today}&Distribution.How=Письмом", Secretaries, "CIS-12: the secretariat; the KZRU profile tracks no distribution"),
            Page("GET", "/Decisions/Details", "Pdf", "/Decisions/Details/{issuedDecision}?handler=Pdf", null, Seated, "the issued PDF: not an invitee", AdminOpen, @case: "issued"),
            Page("GET", "/Decisions/Details", "Pdf", "/Decisions/Details/{decision}?handler=Pdf", null, Seated, "not issued yet: only “no 5xx” for readers, refused to others", AdminOpen.Plus(Seated), @case: "not issued yet"),
            Page("POST", "/Decisions/Details", "Sign", "/Decisions/Details/{decision}?handler=Sign", "Data.DecisionId={decision}&Data.Kind=Sign&Data.ContentHash={decisionHash}&Data.Confirmation=wrong", Secretaries, "KZRU-21 short route: the secretaries sign; probe: wrong password (a rule refusal re-renders the page, 200: the API row asserts who signs)", [.. Seated.Except(Secretaries), Invitee]),
            Page("GET", "/Decisions/Details", "Draft", "/Decisions/Details/{decision}?handler=Draft", null, Secretaries.Plus(CoChairs), "issue 15 item 7: the draft PDF for the people on the signing route (short route: secretaries sign, co-chairs approve)"),
            Page("POST", "/Decisions/Details", "Start", "/Decisions/Details/{decision}?handler=Start", "", Secretaries, "KZRU-18/21; probe: already in signing"),
            Page("GET", "/Decisions/Correct", null, "/Decisions/Correct/{decision}", null, Secretaries, "a secretary corrects"),
            Page("POST", "/Decisions/Correct", null, "/Decisions/Correct/{decision}", "Data.Reason=", Secretaries, "probe: empty"),
        ];
    }
}
