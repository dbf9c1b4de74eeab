using System.Security.Cryptography;
using System.Text;

namespace Search.Api.Protection;

/// <summary>
/// The key that opens the write and admin endpoints: <c>Search:AdminApiKey</c> when configured,
/// otherwise a random key generated once into <c>admin.key</c> in the data folder, readable by its
/// owner only. Keys are compared in constant time.
/// </summary>
public sealed class AdminKey
{
    public const string Header = "X-Api-Key";
    public const string FileName = "admin.key";

    private readonly byte[] _hash;

    private AdminKey(string key, string? generatedFile)
    {
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        GeneratedFile = generatedFile;
    }

    /// <summary>Where the generated key lives; null when the key came from configuration.</summary>
    public string? GeneratedFile { get; }

    public static AdminKey Resolve(string? configuredKey, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
            return new AdminKey(configuredKey.Trim(), null);
        var path = Path.Combine(dataPath, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } stored)
            return new AdminKey(stored, path);
        Directory.CreateDirectory(dataPath);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, Encoding.ASCII, options))
            writer.Write(generated);
        return new AdminKey(generated, path);
    }

    /// <summary>True when <paramref name="candidate"/> is the key; takes the same time whatever it is.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
}
