namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>Input that fails validation: field → messages. The page shows them next to the fields.</summary>
public sealed class InputValidationException : Exception
{
    public InputValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("Input is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))))
    {
        Errors = errors;
    }

    public InputValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public InputValidationException() : this(new Dictionary<string, string[]>()) { }

    public InputValidationException(string message) : this(string.Empty, message) { }

    public InputValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { [string.Empty] = [message] };
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The acting user may not do this (403). <see cref="RuleId"/> names the rule when one applies.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException(string message, string? ruleId = null) : base(message) { RuleId = ruleId; }
    public ForbiddenException() : this("Forbidden.") { }
    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }
    public string? RuleId { get; }

    /// <summary>A stable message key (when null, the English message is its own key) and its arguments.</summary>
    public string? Key { get; private init; }
    public IReadOnlyList<object> Arguments { get; private init; } = [];

    /// <summary>A refusal that cites a rule of the commission's profile: the id and clause come from the profile, the sentence from the key.</summary>
    public static ForbiddenException ByRule(Domain.Regulation.RuleRef rule, string key, string english)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new ForbiddenException(string.Format(System.Globalization.CultureInfo.InvariantCulture, english, rule.Id, rule.Clause), rule.Id)
        {
            Key = key,
            Arguments = [rule.Id, rule.Clause],
        };
    }

    /// <summary>The refusal in the interface language.</summary>
    public string Localize(Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Key is null)
        {
            return text[Message].Value;
        }

        var localized = text[Key, Web.Ui.LocalizeArguments(Arguments)];
        return localized.ResourceNotFound ? Message : localized.Value;
    }
}

/// <summary>The thing asked for does not exist (404).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object id) : base($"{what} {id} was not found.") { }
    public NotFoundException() : base("Not found.") { }
    public NotFoundException(string message) : base(message) { }
    public NotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Someone else changed the same record first (optimistic concurrency), or a uniqueness rule was hit (409).</summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string message) : base(message) { }
    public ConflictException() : this("Conflict.") { }
    public ConflictException(string message, Exception innerException) : base(message, innerException) { }
}
