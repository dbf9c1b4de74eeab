using Microsoft.Data.Sqlite;
using Search.Core.Ingest.Pages;
using Search.Core.Languages;

namespace Search.Core.Archive;

/// <summary>
/// Versions in other languages: each document's links (<see cref="DocumentRecord.Translations"/>) are kept
/// as it states them, written with it in one transaction, and resolved only when asked, both ways: a
/// document's versions are the documents it links to (by id, or by address: the id a page of that address
/// gets, or a document's <c>url</c>) and those linking to it, and theirs in turn. So links hold whatever
/// order the versions arrive in, and a version deleted or replaced drops out by itself.
/// </summary>
internal sealed partial class DocumentArchive
{
    /// <summary>How many documents one statement's versions may span; links beyond are not followed.</summary>
    private const int MaxVersions = 24;

    /// <summary>Enough of a body to tell its language (<see cref="LanguageDetector"/> reads no more).</summary>
    private const int LanguageSampleChars = 2_000;

    private volatile bool _hasLinks;

    /// <summary>False while no document names a version: resolving versions is then skipped.</summary>
    public bool HasVersionLinks => _hasLinks;

    private void CreateVersionLinks(SqliteConnection connection)
    {
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS version_links (
                doc_id    TEXT NOT NULL,
                target    TEXT NOT NULL,
                target_id TEXT NOT NULL,
                lang      TEXT,
                PRIMARY KEY (doc_id, target)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS version_links_target_id ON version_links (target_id);
            CREATE INDEX IF NOT EXISTS version_links_target ON version_links (target);
            """);
        using var any = connection.CreateCommand();
        any.CommandText = "SELECT EXISTS (SELECT 1 FROM version_links)";
        _hasLinks = (long)any.ExecuteScalar()! != 0;
    }

    /// <summary>The document's versions in other languages (never itself), nearest first; empty when it has none.</summary>
    public IReadOnlyList<DocumentVersion> Versions(string id)
    {
        if (!_hasLinks)
            return [];
        using var connection = OpenReader();
        var found = new List<DocumentVersion>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var frontier = new Queue<string>([id]);
        while (frontier.TryDequeue(out var current) && seen.Count < MaxVersions)
        {
            foreach (var neighbour in Neighbours(connection, current))
            {
                if (!seen.Add(neighbour))
                    continue;
                if (Describe(connection, neighbour) is { } version)
                {
                    found.Add(version);
                    frontier.Enqueue(neighbour);
                }
            }
        }
        return found;
    }

    /// <summary>The documents <paramref name="id"/> links to and those linking to it (ids; they may be deleted).</summary>
    private static List<string> Neighbours(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.target_id FROM version_links l WHERE l.doc_id = $id
            UNION SELECT d.id FROM version_links l JOIN documents d ON d.url = l.target WHERE l.doc_id = $id AND d.deleted = 0
            UNION SELECT l.doc_id FROM version_links l WHERE l.target_id = $id
            UNION SELECT l.doc_id FROM version_links l JOIN documents d ON l.target = d.url WHERE d.id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static DocumentVersion? Describe(SqliteConnection connection, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT title, lang, substr(body, 1, {LanguageSampleChars}) FROM documents WHERE id = $id AND deleted = 0";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var title = reader.GetString(0);
        var lang = reader.GetString(1);
        return new DocumentVersion(DocumentLanguage.ForDocument(lang.Length > 0 ? lang : null, title, reader.GetString(2)), id, title);
    }

    private IReadOnlyList<VersionLink> TranslationsOf(SqliteConnection connection, string id)
    {
        if (!_hasLinks)
            return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT lang, target FROM version_links WHERE doc_id = $id ORDER BY target";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var links = new List<VersionLink>();
        while (reader.Read())
            links.Add(new VersionLink(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        return links;
    }

    /// <summary>Replaces a document's links within the write transaction of the document itself.</summary>
    private sealed class LinkWriter : IDisposable
    {
        private readonly DocumentArchive _archive;
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _insert;

        public LinkWriter(DocumentArchive archive, SqliteConnection connection, SqliteTransaction? transaction)
        {
            _archive = archive;
            _delete = connection.CreateCommand();
            _delete.Transaction = transaction;
            _delete.CommandText = "DELETE FROM version_links WHERE doc_id = $id";
            _delete.Parameters.Add("$id", SqliteType.Text);
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = "INSERT OR REPLACE INTO version_links (doc_id, target, target_id, lang) VALUES ($id, $target, $targetId, $lang)";
            foreach (var name in (string[])["$id", "$target", "$targetId", "$lang"])
                _insert.Parameters.Add(name, SqliteType.Text);
        }

        public void Replace(string id, IReadOnlyList<VersionLink> links)
        {
            if (!_archive._hasLinks && links.Count == 0)
                return;
            _delete.Parameters[0].Value = id;
            _delete.ExecuteNonQuery();
            foreach (var link in links)
            {
                _insert.Parameters[0].Value = id;
                _insert.Parameters[1].Value = link.Target;
                // An address stands for the id a page of that address is stored under.
                _insert.Parameters[2].Value = link.IsAddress ? PageIds.FromUrl(link.Target) : link.Target;
                _insert.Parameters[3].Value = (object?)link.Lang ?? DBNull.Value;
                _insert.ExecuteNonQuery();
            }
            if (links.Count > 0)
                _archive._hasLinks = true;
        }

        public void Dispose()
        {
            _delete.Dispose();
            _insert.Dispose();
        }
    }
}
