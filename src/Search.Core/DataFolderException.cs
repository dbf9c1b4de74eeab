namespace Search.Core;

/// <summary>
/// The data folder cannot serve an engine: another process holds it, or it cannot be created, read or
/// written. The message names the folder and the cause, for a host to log before it exits.
/// </summary>
public sealed class DataFolderException(string message, Exception? inner = null) : IOException(message, inner);
