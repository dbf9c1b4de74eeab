using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>Options every command takes: where the service is and which key to send.</summary>
public class GlobalSettings : CommandSettings
{
    private const string DefaultUrl = "http://localhost:5080";
    private const string KeyFileName = "admin.key";

    [CommandOption("--url <URL>")]
    [Description("Service address. Default: $SEARCH_URL, else " + DefaultUrl)]
    public string? Url { get; set; }

    [CommandOption("--api-key <KEY>")]
    [Description("Sent as the X-Api-Key header. Default: $SEARCH_API_KEY, else the " + KeyFileName + " file in the --data folder")]
    public string? ApiKey { get; set; }

    [CommandOption("--data <DIR>")]
    [Description("The service's data folder, where " + KeyFileName + " is looked for")]
    [DefaultValue("index-data")]
    public string DataDirectory { get; set; } = "index-data";

    public string ServiceUrl => Url ?? FromEnvironment("SEARCH_URL") ?? DefaultUrl;

    public Uri ServiceUri => new(ServiceUrl);

    public string KeyFilePath => Path.Combine(DataDirectory, KeyFileName);

    public string? ResolveApiKey()
    {
        if (!string.IsNullOrWhiteSpace(ApiKey))
            return ApiKey.Trim();
        if (FromEnvironment("SEARCH_API_KEY") is { } fromEnvironment)
            return fromEnvironment;
        if (!File.Exists(KeyFilePath))
            return null;
        var fromFile = File.ReadAllText(KeyFilePath).Trim();
        return fromFile.Length > 0 ? fromFile : null;
    }

    public override ValidationResult Validate() =>
        Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? ValidationResult.Success()
            : ValidationResult.Error($"The service address '{ServiceUrl}' is not an http:// or https:// URL.");

    private static string? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
