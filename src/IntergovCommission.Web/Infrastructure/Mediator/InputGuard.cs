using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using IntergovCommission.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>
/// What no request of this application may carry, whatever its own validator says, checked on every
/// request before its validators run (so no use case can forget it): a NUL or another control character
/// in text (PostgreSQL refuses 0x00: it used to end in a 500), invisible direction overrides that make a
/// name or a text read differently from what is stored (U+202A–U+202E, U+2066–U+2069), and dates outside
/// 1900–2100 (far-off dates overflow time-zone arithmetic). Tab, line feed and carriage return stay allowed.
/// Each finding names its field; nothing is stored.
/// </summary>
public static class InputGuard
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static Dictionary<string, string[]> Check(object request, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(request, string.Empty, 0, errors, text);
        return errors;
    }

    public static bool HasForbiddenCharacter(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if ((char.IsControl(c) && c is not '\t' and not '\n' and not '\r') || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(object value, string path, int depth, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> text)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var name = path.Length == 0 ? property.Name : path + "." + property.Name;
            object? current;
            try
            {
                current = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            // A nullable date that holds 0001-01-01 was given explicitly (its "not given" is null): check it.
            if (Nullable.GetUnderlyingType(property.PropertyType) is { } underlying && current is not null
                && (underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset)))
            {
                var day = current switch
                {
                    DateOnly d => d,
                    DateTime dt => DateOnly.FromDateTime(dt),
                    DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
                    _ => EarliestDate,
                };
                CheckDate(day, name, errors, text);
                continue;
            }

            Inspect(current, name, depth, errors, text);
        }
    }

    private static void Inspect(object? current, string name, int depth, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> text)
    {
        switch (current)
        {
            case null:
                return;
            case string s:
                if (HasForbiddenCharacter(s))
                {
                    errors[name] = [text["Validation.ControlCharacters"]];
                }

                return;
            // A default (0001-01-01) is "not given": the use case's own validator says whether the date is required.
            case DateOnly d:
                if (d != default)
                {
                    CheckDate(d, name, errors, text);
                }

                return;
            case DateTime dt:
                if (dt != default)
                {
                    CheckDate(DateOnly.FromDateTime(dt), name, errors, text);
                }

                return;
            case DateTimeOffset dto:
                if (dto != default)
                {
                    CheckDate(DateOnly.FromDateTime(dto.UtcDateTime), name, errors, text);
                }

                return;
            case IDictionary:
                return;
            case IEnumerable items and not string:
                var index = 0;
                foreach (var item in items)
                {
                    Inspect(item, $"{name}[{index++}]", depth + 1, errors, text);
                    if (index > 10_000)
                    {
                        break;
                    }
                }

                return;
        }

        if (current.GetType().Namespace?.StartsWith("IntergovCommission", StringComparison.Ordinal) == true && !current.GetType().IsEnum && !current.GetType().IsPrimitive)
        {
            Walk(current, name, depth + 1, errors, text);
        }
    }

    private static void CheckDate(DateOnly date, string name, Dictionary<string, string[]> errors, IStringLocalizer<SharedResource> text)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            errors[name] = [text["Validation.DateRange", EarliestDate.Year, LatestDate.Year]];
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0
                && !typeof(Stream).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(byte[])
                && !p.PropertyType.FullName!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToArray();
}

/// <summary>
/// Fields of the current request that were given but could not be read into their type (a page's form: "abc" for a
/// number). While any are listed, no command runs: the validation behaviour refuses it (the messages are already
/// next to the fields), so nothing is saved from a field's default value.
/// </summary>
public sealed class UnreadableInput
{
    public IReadOnlyList<string> Fields { get; set; } = [];
}
