using IntergovCommission.Domain.Decisions;

namespace IntergovCommission.Web.Pages.Decisions;

/// <summary>
/// What the re-confirmation form needs: the decision, what the person gives (signature or approval) and the hash they
/// sign; <paramref name="Issues"/> when theirs is the last one awaited, so sending it formalises the decision and
/// writes its PDF (the button then says so while it works).
/// </summary>
public sealed record SignFormModel(Guid DecisionId, SignatureKind Kind, string ContentHash, string? ReturnTo = null, bool Issues = false);
