using IntergovCommission.Domain.Decisions;

namespace IntergovCommission.Web.Pages.Decisions;

/// <summary>What the re-confirmation form needs: the decision, what the person gives (signature or approval) and the hash they sign.</summary>
public sealed record SignFormModel(Guid DecisionId, SignatureKind Kind, string ContentHash, string? ReturnTo = null);
