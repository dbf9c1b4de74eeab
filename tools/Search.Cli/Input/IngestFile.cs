namespace Search.Cli.Input;

/// <summary>A file to send, and the name it goes by in reports: its path under the folder given, or its file name.</summary>
public sealed record IngestFile(string Path, string Name);
