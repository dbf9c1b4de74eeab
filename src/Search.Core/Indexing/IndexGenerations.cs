using System.Globalization;

namespace Search.Core.Indexing;

/// <summary>
/// The index generations under <c>generations/</c> of the data folder: numbered folders, and a
/// file <c>current</c> naming the live one. The pointer is switched by writing a temporary file
/// and renaming it into place, so a crash leaves either the old or the new generation current.
/// </summary>
public sealed class IndexGenerations(string dataPath)
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
}
