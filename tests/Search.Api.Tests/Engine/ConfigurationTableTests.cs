using System.Reflection;
using Search.Api.Engine;
using Search.Api.Features.SavedSearches;
using Search.Api.Protection;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Engine;

/// <summary>
/// The README's configuration table names every setting the service reads (a setting added without a
/// row there is one nobody finds), with the default the code has, where the row gives one as a number.
/// </summary>
public sealed class ConfigurationTableTests
{
    public static TheoryData<string, string> Settings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, section) in (ValueTuple<Type, string>[])[(typeof(SearchOptions), SearchOptions.Section),
                     (typeof(RateLimitOptions), RateLimitOptions.Section), (typeof(WebhookOptions), WebhookOptions.Section),
                     (typeof(ArchiveOptions), $"{SearchOptions.Section}:{nameof(SearchOptions.Archive)}")])
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.PropertyType != typeof(ArchiveOptions)))
                data.Add(section, property.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_setting_has_a_row_in_the_readme_configuration_table(string section, string name)
    {
        var table = Repository.Readme().Split("## Configuration")[1].Split("\n## ")[0];
        var rows = table.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        // A row names a setting in full (`Search:RateLimits:SearchesPerSecond`), or after another of its section (`…:SearchBurst`).
        var row = rows.FirstOrDefault(r => r.Contains($"`{section}:{name}`", StringComparison.Ordinal)
            || (r.Contains($"`{section}:", StringComparison.Ordinal) && r.Contains($"`…:{name}`", StringComparison.Ordinal)));
        Assert.True(row is not null, $"{section}:{name} has no row in the README's configuration table");
    }

    [Fact]
    public void The_numeric_defaults_in_the_table_are_the_code_defaults()
    {
        var table = Repository.Readme().Split("## Configuration")[1];
        var search = new SearchOptions();
        var limits = new RateLimitOptions();
        Assert.Contains($"| `Search:MaxRequestBytes` | `{search.MaxRequestBytes}` |", table);
        Assert.Contains($"| `Search:MaxPageBytes` | `{search.MaxPageBytes}` |", table);
        Assert.Contains($"| `Search:MaxBodyChars` | `{search.MaxBodyChars}` |", table);
        Assert.Contains($"| `Search:MaxInboxFileBytes` | `{search.MaxInboxFileBytes}` |", table);
        Assert.Contains($"| `Search:IndexBatchSize` | `{search.IndexBatchSize}` |", table);
        Assert.Contains($"| `Search:MaxWait` | `{search.MaxWait:hh\\:mm\\:ss}` |", table);
        Assert.Contains($"| `{limits.SearchesPerSecond}`, `{limits.SearchBurst}` |", table);
        Assert.Contains($"| `{limits.ConcurrentSearchesPerClient}`, `{limits.SearchQueuePerClient}` |", table);
        Assert.Contains($"| `{limits.WritesPerSecond}`, `{limits.WriteBurst}` |", table);
        Assert.Contains($"| `{limits.ConcurrentWrites}`, `{limits.WriteQueue}` |", table);
    }
}
