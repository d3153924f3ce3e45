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
