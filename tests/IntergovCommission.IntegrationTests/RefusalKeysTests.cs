using System.Text.RegularExpressions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Infrastructure.Localization;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// Every refusal the code can raise has its sentence in ru, kk and en (issue 12): the message keys of rule
/// refusals in the domain and the use cases, and the refusal of every capability of the profiles.
/// </summary>
public sealed partial class RefusalKeysTests
{
    [Fact]
    public void Every_refusal_key_in_the_code_and_every_capability_refusal_has_its_three_languages()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in RuleViolationKey().Matches(text))
            {
                keys.Add(m.Groups["key"].Value);
            }

            foreach (Match m in ByRuleKey().Matches(text))
            {
                keys.Add(m.Groups["key"].Value);
            }
        }

        foreach (var capability in Enum.GetValues<Capability>())
        {
            keys.Add("Capability.Refused." + capability);
            keys.Add("Capability." + capability);
        }

        keys.Add("Capability.Refused.OwnSide");
        Assert.True(keys.Count > 100, $"only {keys.Count} refusal keys found: the scan is broken");
        foreach (var culture in new[] { "ru", "kk", "en" })
        {
            var table = JsonStringLocalizer.Keys(culture).ToHashSet(StringComparer.Ordinal);
            var missing = keys.Where(k => !table.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks refusal texts: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_capability_is_granted_or_deliberately_withheld_in_each_shipped_profile()
    {
        // Each profile answers for every capability: granted to roles it declares, or absent (nobody may).
        foreach (var profile in Profiles.All)
        {
            Assert.Empty(ProfileSchema.Problems(profile));
            foreach (var grant in profile.Capabilities)
            {
                Assert.NotEmpty(grant.Roles);
                Assert.StartsWith(profile.Code + "-", grant.Rule.Id, StringComparison.Ordinal);
            }
        }
    }

    private static string SourceFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "src");
    }

    [GeneratedRegex("""new (?:Common\.|Domain\.Common\.)?RuleViolationException\(\s*[^,()]+,\s*"(?<key>[A-Za-z][A-Za-z0-9.]+)"\s*,""")]
    private static partial Regex RuleViolationKey();

    [GeneratedRegex("""ForbiddenException\.ByRule\([^,]+,\s*"(?<key>[A-Za-z][A-Za-z0-9.]+)"\s*,""")]
    private static partial Regex ByRuleKey();
}
