using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Search.Core.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for a test class: <c>initdb</c> into a temporary folder, the server on a
/// free loopback port, stopped and removed on dispose. Run as root (CI), the cluster belongs to the
/// <c>postgres</c> user Debian's package creates, since PostgreSQL refuses to run as root. Without
/// PostgreSQL installed the fixture fails, loudly: <c>.ci/run</c> installs it.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "search";

    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb, pg_ctl, pg_dump and pg_restore under /usr/lib/postgresql/*/bin or on PATH): install Debian's postgresql (.ci/run does).");
        _asPostgresUser = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "search-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser)
            Run("chown", ["postgres", _folder], asPostgres: false);
        Port = FreePort();
        Run(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", User, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        Start();
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Starts the server (again, after <see cref="Stop"/>) and waits until it takes connections.</summary>
    public void Start() => Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
        // Durability of the throwaway cluster itself is not under test: without fsync its tests run faster.
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200", "start"]);

    /// <summary>Stops the server (fast: connections are cut, as a restart or a failover cuts them).</summary>
    public void Stop() => Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-w", "-m", "fast", "stop"]);

    /// <summary>A new empty database of its own, and the connection string to it.</summary>
    public string CreateDatabase()
    {
        var name = "archive" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    /// <summary>
    /// <c>pg_dump -Fc</c> of a database into <paramref name="file"/>, then <c>pg_restore</c> of it into a new
    /// database, as the deployment guide backs up and restores the archive; returns the new database's
    /// connection string.
    /// </summary>
    public string DumpAndRestore(string connectionString, string file)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Run(Path.Combine(_bin, "pg_dump"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-Fc", "-f", file, source], asPostgres: false);
        var restored = CreateDatabase();
        Run(Path.Combine(_bin, "pg_restore"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "--no-owner", "-d",
            new NpgsqlConnectionStringBuilder(restored).Database!, file], asPostgres: false);
        return restored;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Timeout = 5 }.ToString();

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-w", "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Stopped already.
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Run(string program, IReadOnlyList<string> arguments, bool? asPostgres = null)
    {
        var start = (asPostgres ?? _asPostgresUser)
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error}{output.Result}");
    }

    /// <summary>The folder holding the server's programs: Debian's versioned one (the newest), else one on PATH.</summary>
    private static string? FindBin()
    {
        string[] tools = ["initdb", "pg_ctl", "pg_dump", "pg_restore"];
        const string debian = "/usr/lib/postgresql";
        IEnumerable<string> versioned = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(v => Path.Combine(v, "bin")).OrderByDescending(b => b, StringComparer.Ordinal)
            : [];
        return versioned.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            .FirstOrDefault(folder => tools.All(tool => File.Exists(Path.Combine(folder, tool))));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
