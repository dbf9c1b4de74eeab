namespace Search.Api.Tests.TestSupport;

/// <summary>The repository the tests were built from: its root (above the test's binaries) and its README.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "README.md")) && File.Exists(Path.Combine(folder.FullName, "Search.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"no README.md and Search.sln above {AppContext.BaseDirectory}");
    }

    public static string ReadmePath => Path.Combine(Root(), "README.md");

    public static string Readme() => File.ReadAllText(ReadmePath);
}
