using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// The service as a real child process (<c>dotnet Search.Api.dll</c>) on a free loopback port and
/// a data folder that outlives it, so that a test can kill it with SIGKILL and start it again on
/// the same folder. Its output goes to a log file in the test's folder; <see cref="LogTail"/>
/// belongs in every assertion message.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    public const string AdminKey = "durability-admin-key";

    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(30);

    private readonly string _logPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Lock _logGate = new();
    private StreamWriter? _log;
    private Process? _process;
    private HttpClient? _client;
    private int _starts;

    /// <param name="dataPath">The data folder; kept across restarts.</param>
    /// <param name="logPath">Where the service's output is appended.</param>
    /// <param name="settings">More configuration, e.g. <c>Search:IndexBatchSize</c>.</param>
    public ServiceProcess(string dataPath, string logPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataPath = dataPath;
        _logPath = logPath;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public static string ServiceDll => Path.Combine(AppContext.BaseDirectory, "Search.Api.dll");

    public string DataPath { get; }

    public Uri? BaseAddress { get; private set; }

    /// <summary>A client of the running service that sends the admin key.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The service is not running.");

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    /// <summary>Starts the service and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException("The service is already running.");
        CloseProcess();
        Assert.True(File.Exists(ServiceDll), $"{ServiceDll} is missing: the test project should reference Search.Api");

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_logPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Search:DataPath"] = DataPath,
            ["Search:AdminApiKey"] = AdminKey,
            ["Search:LoadSample"] = "false",
        }.Concat(_settings))
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        lock (_logGate)
        {
            _log ??= new StreamWriter(new FileStream(_logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
            _log.WriteLine($"==== start #{++_starts} at {DateTimeOffset.Now:O} on {BaseAddress}");
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        Assert.True(process.Start(), "dotnet did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            Assert.False(process.HasExited, $"the service exited with {ExitCodeOf(process)} before it was ready\n{LogTail()}");
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Assert.True(clock.Elapsed < ReadyDeadline, $"the service was not ready within {ReadyDeadline.TotalSeconds} s\n{LogTail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Kills the service with SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux), so it
    /// gets no chance to flush or commit anything, and waits until it is gone. Returns its exit code.
    /// </summary>
    public int Kill()
    {
        var process = _process ?? throw new InvalidOperationException("The service was never started.");
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"the service outlived SIGKILL\n{LogTail()}");
        process.WaitForExit(); // drains the redirected output
        Log($"==== killed at {DateTimeOffset.Now:O}, exit code {process.ExitCode}");
        return process.ExitCode;
    }

    /// <summary>The end of the service's output (all its runs), for assertion messages.</summary>
    public string LogTail(int characters = 4_000)
    {
        lock (_logGate)
        {
            _log?.Flush();
            try
            {
                using var reader = new StreamReader(new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                var text = reader.ReadToEnd();
                return "---- service log tail ----\n" + (text.Length > characters ? text[^characters..] : text);
            }
            catch (IOException e)
            {
                return $"(no log: {e.Message})";
            }
        }
    }

    public void Dispose()
    {
        if (IsRunning)
            Kill();
        CloseProcess();
        lock (_logGate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void CloseProcess()
    {
        _client?.Dispose();
        _client = null;
        _process?.Dispose();
        _process = null;
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_logGate)
            _log?.WriteLine(line);
    }

    private static string ExitCodeOf(Process process) => process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
