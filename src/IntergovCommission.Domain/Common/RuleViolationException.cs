using System.Globalization;

namespace IntergovCommission.Domain.Common;

/// <summary>
/// The regulation refuses an action. <see cref="RuleId"/> names the rule (e.g. KZRU-16);
/// <see cref="Key"/> is the resource key of the sentence the interface shows in the user's
/// language, and the exception message is the same sentence in English, citing the rule.
/// </summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(string ruleId, string key, string englishMessage, params object[] arguments)
        : base(string.Format(CultureInfo.InvariantCulture, englishMessage, arguments))
    {
        RuleId = ruleId;
        Key = key;
        Arguments = arguments;
    }

    public RuleViolationException() : this("GEN", "Rule.Violated", "Rule violated.") { }

    public RuleViolationException(string message) : this("GEN", "Rule.Violated", message) { }

    public RuleViolationException(string message, Exception innerException) : base(message, innerException)
    {
        RuleId = "GEN";
        Key = "Rule.Violated";
        Arguments = [];
    }

    public string RuleId { get; }
    public string Key { get; }
    public IReadOnlyList<object> Arguments { get; }
}
