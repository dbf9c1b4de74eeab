using System.Text.Json;

namespace Search.Core.Ingest.Inbox;

/// <summary>A file taken from the inbox that could not be moved out of it, with what was decided for it.</summary>
/// <param name="Name">Its path under the inbox.</param>
/// <param name="Length">Its size when it was taken: a file of that name and size and time is the same file.</param>
/// <param name="Modified">Its last write time (UTC) when it was taken.</param>
internal sealed record HeldFile(string Name, long Length, DateTime Modified, InboxOutcome Outcome);

/// <summary>
/// The files taken from the inbox but left in it because they could not be moved (a folder without
/// write permission, a file in the way of done/, a full disk): never taken again while unchanged, so
/// their documents are stored once, and moved when that becomes possible. Kept in
/// <c>inbox-held.json</c> in the data folder (not the inbox, which may be what cannot be written), so
/// a restart does not store them again either.
/// </summary>
internal sealed class HeldFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _path;
    private readonly Dictionary<string, HeldFile> _held;

    public HeldFiles(string dataPath)
    {
        _path = Path.Combine(dataPath, "inbox-held.json");
        _held = Load(_path).ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public int Count => _held.Count;

    /// <summary>The file's record when it is held and unchanged since; a changed file is no longer held.</summary>
    public HeldFile? Find(string name, long length, DateTime modified)
    {
        if (!_held.TryGetValue(name, out var held))
            return null;
        if (held.Length == length && held.Modified == modified)
            return held;
        Release(name);
        return null;
    }

    /// <summary>Remembers the file; false when that could not be made durable (it is held for this run only).</summary>
    public bool Hold(HeldFile file)
    {
        _held[file.Name] = file;
        return TrySave();
    }

    public void Release(string name)
    {
        if (_held.Remove(name))
            TrySave();
    }

    /// <summary>Forgets the files that are no longer in the inbox (moved or removed by someone else).</summary>
    public void KeepOnly(IEnumerable<string> present)
    {
        var gone = _held.Keys.Except(present, StringComparer.Ordinal).ToList();
        foreach (var name in gone)
            _held.Remove(name);
        if (gone.Count > 0)
            TrySave();
    }

    private bool TrySave()
    {
        try
        {
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_held.Values.OrderBy(h => h.Name, StringComparer.Ordinal), Json));
            File.Move(temporary, _path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<HeldFile> Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<List<HeldFile>>(File.ReadAllText(path), Json) ?? [] : [];
        }
        catch (JsonException)
        {
            // A file edited by hand into nonsense holds nothing: the files are taken again.
            return [];
        }
    }
}
