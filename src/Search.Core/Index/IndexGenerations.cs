using System.Globalization;

namespace Search.Core.Index;

/// <summary>
/// The index generations under <c>generations/</c> of the data folder: numbered folders, and a
/// file <c>current</c> naming the live one. The pointer is switched by writing a temporary file
/// and renaming it into place, so a crash leaves either the old or the new generation current.
/// </summary>
internal sealed class IndexGenerations(string dataPath)
{
    private const string PointerName = "current";

    public string Root { get; } = Path.Combine(dataPath, "generations");

    /// <summary>The live generation, creating generation 1 on an empty data folder.</summary>
    public long Current()
    {
        var pointer = Path.Combine(Root, PointerName);
        if (File.Exists(pointer) && long.TryParse(File.ReadAllText(pointer).Trim(), CultureInfo.InvariantCulture, out var current))
            return current;
        Directory.CreateDirectory(Root);
        MakeCurrent(1);
        return 1;
    }

    public string PathOf(long generation) => Path.Combine(Root, generation.ToString(CultureInfo.InvariantCulture));

    public void MakeCurrent(long generation)
    {
        Directory.CreateDirectory(PathOf(generation));
        var pointer = Path.Combine(Root, PointerName);
        var temporary = pointer + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(generation.ToString(CultureInfo.InvariantCulture));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, pointer, overwrite: true);
    }

    /// <summary>A number no generation folder has used yet.</summary>
    public long Next()
    {
        Directory.CreateDirectory(Root);
        var used = Existing().DefaultIfEmpty(0).Max();
        return Math.Max(used, Current()) + 1;
    }

    /// <summary>Removes every generation folder but <paramref name="keep"/>: what a crash left half-built, or what a switch retired.</summary>
    public IReadOnlyList<long> DeleteAllBut(long keep)
    {
        var deleted = new List<long>();
        foreach (var generation in Existing().Where(g => g != keep))
        {
            Delete(generation);
            deleted.Add(generation);
        }
        return deleted;
    }

    public void Delete(long generation)
    {
        var path = PathOf(generation);
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
    }

    private IEnumerable<long> Existing() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .Select(name => long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n > 0)
                .ToList()
            : [];
}
