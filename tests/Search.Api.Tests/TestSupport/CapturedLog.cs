using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests.TestSupport;

/// <summary>What the service logs (at the level the factory lets through), kept for a test to read.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    /// <summary>The messages holding <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Containing(string text) =>
        _entries.Select(e => e.Message).Where(m => m.Contains(text, StringComparison.Ordinal)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
