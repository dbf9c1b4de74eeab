using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Search.Api.Tests.TestSupport;
using Search.Core.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Inbox;

/// <summary>An inbox looked at ten times a second, taking files of at most 4 KB once decompressed, with canaries stored.</summary>
public sealed class InboxAbuseFactory() : HostileApiFactory(
    new Dictionary<string, string> { ["Search:MaxInboxFileBytes"] = InboxAbuseFactory.MaxBytes.ToString() },
    inboxPollInterval: "00:00:00.100"), IAsyncLifetime
{
    public const int MaxBytes = 4096;

    public Canary Canary { get; private set; } = null!;

    public async Task InitializeAsync() => Canary = await Canary.PlantAsync(this);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Broken, hostile or odd files dropped into the inbox: each goes to <c>failed/</c> beside a
/// <c>.reason.txt</c> that says why, stores nothing, and the worker keeps going: a valid file
/// dropped after it is still ingested.
/// </summary>
public sealed class InboxAbuseTests(InboxAbuseFactory factory) : IClassFixture<InboxAbuseFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private string Inbox => factory.InboxPath;

    private string Failed(string name) => Path.Combine(Inbox, "failed", name);

    private string Done(string name) => Path.Combine(Inbox, "done", name);

    /// <summary>Documents with ids unique to the call, so a test can prove none of them was stored.</summary>
    private static List<ArchiveDocument> Documents(string word, int count = 3) =>
        Enumerable.Range(1, count).Select(i => Statements.Doc(Statements.UniqueId("inbox"), $"بيان من صندوق الوارد رقم {i} {word}")).ToList();

    private static byte[] Lines(IEnumerable<ArchiveDocument> documents) => Encoding.UTF8.GetBytes(Statements.ToNdjson(documents));

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
            gzip.Write(content);
        return buffer.ToArray();
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A bad file: its content (given the documents it holds, if any) and what its reason must mention.</summary>
    public sealed record BadFile(string Extension, Func<List<ArchiveDocument>, byte[]> Content, string? Reason = null);

    public static readonly Dictionary<string, BadFile> Cases = new()
    {
        ["a truncated gzip"] = new(".jsonl.gz", d => Gzip(Lines(d))[..(Gzip(Lines(d)).Length / 2)]),
        ["a gzip cut after its header"] = new(".jsonl.gz", d => Gzip(Lines(d))[..12]),
        ["a gzip with its checksum broken"] = new(".jsonl.gz", d => { var g = Gzip(Lines(d)); g[^8] ^= 0xFF; return g; }),
        ["random bytes named .jsonl.gz"] = new(".jsonl.gz", _ => Noise(3000, 1)),
        ["a gzip header then random bytes"] = new(".jsonl.gz", _ => [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, .. Noise(3000, 2)]),
        ["a gzip bomb beyond the limit"] = new(".jsonl.gz", _ => Gzip(new byte[10 << 20]), Reason: "limit"),
        ["a gzip of valid lines beyond the limit"] = new(".jsonl.gz", d => Gzip(Lines(d.Concat(Documents("bomb", 200)))), Reason: "limit"),
        ["a plain file beyond the limit"] = new(".jsonl", d => Lines(d.Concat(Documents("big", 100))), Reason: "limit"),
        ["one endless line beyond the limit"] = new(".jsonl", _ => Encoding.UTF8.GetBytes("{\"id\": \"x\", \"body\": \"" + new string('ن', 10_000))),
        ["random bytes named .jsonl"] = new(".jsonl", _ => Noise(3000, 3)),
        ["a gzip named .jsonl"] = new(".jsonl", d => Gzip(Lines(d))),
        ["NUL bytes"] = new(".jsonl", _ => new byte[1000]),
        ["an ELF header"] = new(".jsonl", _ => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[200]]),
        ["invalid UTF-8 in a line"] = new(".jsonl", d => [.. Lines(d.Take(1)), .. "{\"id\": \"u\", \"body\": \""u8, 0xC3, 0x28, .. "\"}\n"u8]),
        ["a lone surrogate escaped in a line"] = new(".jsonl", d => [.. Lines(d.Take(2)), .. "{\"id\": \"s\", \"body\": \"\\ud800\"}\n"u8]),
        ["a bad line after good ones"] = new(".jsonl", d => [.. Lines(d), .. "{\"id\": \"x\"}\n"u8], Reason: "line 4"),
        ["a zero-byte file"] = new(".jsonl", _ => []),
        ["a zero-byte gzip"] = new(".jsonl.gz", _ => []),
        ["a gzip of nothing"] = new(".jsonl.gz", _ => Gzip([])),
        ["blank lines only"] = new(".jsonl", _ => "\n\n \r\n\t\n"u8.ToArray()),
        ["random bytes named .txt"] = new(".txt", _ => Noise(3000, 4)),
        ["random bytes named .html"] = new(".html", _ => Noise(3000, 5)),
        ["a PNG named .html"] = new(".html", _ => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', .. Noise(2000, 6)]),
        ["NUL bytes named .txt"] = new(".txt", _ => new byte[1000]),
        ["a zero-byte page"] = new(".html", _ => []),
        ["a page of markup without text"] = new(".html", _ => "<html><head><title></title></head><body><div><span></span></div></body></html>"u8.ToArray()),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    /// <summary>Odd names: each, holding nothing, goes to failed/ with its reason like any other.</summary>
    public static TheoryData<string> OddNames =>
    [
        "with spaces in it.jsonl",
        "بيان وزارة الخارجية.jsonl",
        "quotes ' and \" in it.jsonl",
        "name..with..dots.jsonl",
        "x..jsonl",
        "x...jsonl.gz",
        "-starts-with-a-dash.jsonl",
        "semi;colon&amp|pipe$(x)`y`.jsonl",
        "star*question?.jsonl",
        "back\\slash.jsonl",
        "new\nline.jsonl",
        "tab\there.jsonl",
        "emoji 😀.jsonl",
        "%2e%2e%2fescape.jsonl",
        "RTL \u202Elnosj.exe.jsonl",
        "UPPER.JSONL",
        "mixed.JsonL.Gz",
        new string('ا', 117) + ".jsonl",
        new string('ا', 120) + ".jsonl",
        new string('x', 240) + ".jsonl",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_file_goes_to_failed_with_a_reason_and_the_worker_keeps_going(string what)
    {
        var bad = Cases[what];
        var documents = Documents(Statements.UniqueWord());
        var name = $"{Guid.NewGuid():N}{bad.Extension}";

        Drop(name, bad.Content(documents));

        var reason = await RefusedAsync(name, what);
        if (bad.Reason is not null)
            Assert.Contains(bad.Reason, reason, StringComparison.OrdinalIgnoreCase);
        foreach (var document in documents)
            Assert.Null(factory.Engine.Get(document.Id));
        await WorkerKeepsGoingAsync();
    }

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task A_bad_file_with_an_odd_name_goes_to_failed_with_a_reason(string name)
    {
        Forget(name);
        Drop(name, []);

        await RefusedAsync(name, RandomQueryText.Escape(name));
        await WorkerKeepsGoingAsync();
    }

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task A_good_file_with_an_odd_name_is_ingested_or_refused_never_left_behind(string name)
    {
        Forget(name);
        var word = Statements.UniqueWord();
        var documents = Documents(word);

        Drop(name, name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gzip(Lines(documents)) : Lines(documents));

        var what = RandomQueryText.Escape(name);
        Assert.True(await Poll.UntilAsync(() => !File.Exists(Path.Combine(Inbox, name)), Patience), $"{what} is still in the inbox");
        if (FindIn("done", name) is not null)
        {
            var found = await Poll.UntilAsync(() => factory.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == documents.Count);
            Assert.Equal(documents.Count, found.Total);
        }
        else
        {
            await RefusedAsync(name, what);
        }
        Assert.DoesNotContain(Directory.GetFiles(factory.DataPath), f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase));
        await WorkerKeepsGoingAsync();
    }

    [Theory]
    [InlineData(".hidden.jsonl")]
    [InlineData("..name..jsonl")]
    [InlineData("...jsonl")]
    [InlineData("..jsonl.gz")]
    [InlineData(".page.html")]
    public async Task A_hidden_file_is_left_alone(string name)
    {
        // The inbox skips hidden files (as the README says): a half-copied file often is one.
        Forget(name);
        var content = Lines(Documents(Statements.UniqueWord()));
        Drop(name, content);

        await WorkerKeepsGoingAsync();

        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(Inbox, name)));
        File.Delete(Path.Combine(Inbox, name));
    }

    [Theory]
    [InlineData("sub dir/بيانات/")]
    [InlineData("a/b/c/d/e/f/g/h/")]
    [InlineData("x..y/")]
    [InlineData("-rf/")]
    public async Task A_bad_file_in_a_folder_goes_to_failed_under_the_same_folder(string folder)
    {
        var name = folder + Guid.NewGuid().ToString("N") + ".jsonl";
        var documents = Documents(Statements.UniqueWord());

        Drop(name, [.. Lines(documents), .. "{\"id\": \"x\"}\n"u8]);

        await RefusedAsync(name, name);
        foreach (var document in documents)
            Assert.Null(factory.Engine.Get(document.Id));
        await WorkerKeepsGoingAsync();
    }

    [Theory]
    [InlineData(".jsonl")]
    [InlineData(".jsonl.gz")]
    public async Task A_file_dropped_twice_under_a_long_name_is_taken_both_times_and_not_again(string extension)
    {
        // 240 bytes: room in done/ for the name, none for the time prefix a second file of that name gets.
        var tag = Guid.NewGuid().ToString("N");
        var name = tag + new string('ب', (240 - 32 - extension.Length) / 2) + extension;
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 235, 240);
        var documents = Documents(Statements.UniqueWord());
        var content = extension == ".jsonl" ? Lines(documents) : Gzip(Lines(documents));

        Drop(name, content);
        Assert.True(await Poll.UntilAsync(() => !File.Exists(Path.Combine(Inbox, name)), Patience), "the first file is still in the inbox");
        Drop(name, content);
        Assert.True(await Poll.UntilAsync(() => !File.Exists(Path.Combine(Inbox, name)), Patience), "the second file is still in the inbox");

        // Both were stored, so both belong in done/ (under whatever name fits), none in failed/.
        Assert.Equal(2, Directory.GetFiles(Path.Combine(Inbox, "done")).Count(f => Path.GetFileName(f).Contains(tag, StringComparison.Ordinal) && !IsSideFile(f)));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(Inbox, "failed")), f => Path.GetFileName(f).Contains(tag, StringComparison.Ordinal));
        // Taken once means stored once: the archive does not keep changing.
        var sequence = factory.Engine.Stats().ArchiveSequence;
        await WorkerKeepsGoingAsync();
        Assert.Equal(sequence + 2, factory.Engine.Stats().ArchiveSequence);
    }

    [SkippableFact]
    public async Task A_file_whose_name_is_not_UTF8_goes_to_failed_with_a_reason()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "only Linux lets a file name hold any bytes");
        // .NET cannot name such a file; the shell can, as any other program dropping files can.
        var prefix = Guid.NewGuid().ToString("N");
        using (var touch = Process.Start("/bin/sh", ["-c", $"printf 'x' > \"{Inbox}/{prefix}-$(printf '\\377\\376')-.jsonl\""])!)
            await touch.WaitForExitAsync();
        Assert.Single(Directory.GetFiles(Inbox, prefix + "*"));
        try
        {
            var gone = await Poll.UntilAsync(() => Directory.GetFiles(Inbox, prefix + "*").Length == 0, Patience);

            Assert.True(gone, "a file whose name is not UTF-8 is still in the inbox (tried again and again)");
            Assert.Contains(Directory.GetFiles(Path.Combine(Inbox, "failed"), prefix + "*"), f => f.EndsWith(".reason.txt", StringComparison.Ordinal));
            await WorkerKeepsGoingAsync();
        }
        finally
        {
            // .NET cannot delete it either, nor the folder holding it.
            using var remove = Process.Start("/bin/sh", ["-c", $"rm -f \"{Inbox}\"/{prefix}* \"{Inbox}\"/failed/{prefix}* \"{Inbox}\"/done/{prefix}*"])!;
            await remove.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Bad_files_dropped_together_all_go_to_failed_and_a_good_one_among_them_is_ingested()
    {
        var word = Statements.UniqueWord();
        var good = Documents(word);
        var names = Cases.ToDictionary(c => c.Key, c => $"{Guid.NewGuid():N}{c.Value.Extension}");
        foreach (var (what, name) in names)
            Drop(name, Cases[what].Content(Documents(Statements.UniqueWord())));
        var goodName = $"{Guid.NewGuid():N}.jsonl";
        Drop(goodName, Lines(good));

        foreach (var (what, name) in names)
            await RefusedAsync(name, what);
        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(goodName)), Patience), "the good file was not ingested");
        var found = await Poll.UntilAsync(() => factory.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == good.Count);
        Assert.Equal(good.Count, found.Total);
    }

    [Fact]
    public async Task The_bad_files_changed_nothing_in_the_archive()
    {
        // Other tests of the class store good files on purpose: the count to keep is the one before the bad files.
        var before = factory.Engine.Stats().ArchiveDocuments;
        foreach (var (what, bad) in Cases.Where(c => c.Key is "a truncated gzip" or "a gzip bomb beyond the limit" or "a bad line after good ones"))
        {
            var name = $"{Guid.NewGuid():N}{bad.Extension}";
            Drop(name, bad.Content(Documents(Statements.UniqueWord())));
            await RefusedAsync(name, what);
        }

        await factory.Canary.AssertUnchangedAsync(factory, before);
    }

    /// <summary>Removes what an earlier test left under that name, so that the file and reason looked at are this test's.</summary>
    private void Forget(string name)
    {
        var shortened = Long(name)
            ? Directory.GetFiles(Path.Combine(Inbox, "failed")).Concat(Directory.GetFiles(Path.Combine(Inbox, "done")))
                .Where(f => Path.GetFileName(f).Contains(name[..40], StringComparison.Ordinal))
            : [];
        foreach (var path in new[] { Failed(name), Failed(name + ".reason.txt"), Done(name) }.Concat(shortened))
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A name too long for the file system cannot be there either.
            }
        }
    }

    /// <summary>
    /// Writes under a name the worker ignores, then renames into place, as writers are told to; the
    /// file is dated a minute back, so the worker need not wait for it to settle.
    /// </summary>
    private void Drop(string name, byte[] content)
    {
        var target = Path.Combine(Inbox, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Inbox, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(temporary, content);
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temporary, target);
    }

    /// <summary>Waits until the file is in failed/ beside its reason; returns the reason, checked to say something and leak nothing.</summary>
    /// <remarks>
    /// A name too long to take the <c>.reason.txt</c> suffix within the file system's 255 bytes may
    /// be shortened in failed/: then the reason is looked for among the files that begin as the name does.
    /// </remarks>
    private async Task<string> RefusedAsync(string name, string what)
    {
        string? reasonFile = null;
        var refused = await Poll.UntilAsync(() => (reasonFile = ReasonFileOf(name)) is not null && new FileInfo(reasonFile).Length > 0, Patience);
        Assert.True(refused, $"{what}: no {name}.reason.txt in failed/ (inbox: {Listing(Inbox)}; failed: {Listing(Path.Combine(Inbox, "failed"))}; done: {Listing(Path.Combine(Inbox, "done"))})");
        Assert.True(File.Exists(reasonFile![..^".reason.txt".Length]), $"{what}: the file itself is not in failed/");
        Assert.False(File.Exists(Path.Combine(Inbox, name)), $"{what}: the file is still in the inbox");
        var reason = await File.ReadAllTextAsync(reasonFile);
        Assert.False(reason.Contains("   at ", StringComparison.Ordinal), $"{what}: a stack trace in the reason: {reason}");
        return reason;
    }

    /// <summary>Names this long may be shortened by the service to leave room for a time prefix or a suffix.</summary>
    private static bool Long(string name) => Encoding.UTF8.GetByteCount(name) > 200;

    /// <summary>The reason beside a failed file, or the report beside a done one.</summary>
    private static bool IsSideFile(string path) =>
        path.EndsWith(".reason.txt", StringComparison.Ordinal) || path.EndsWith(".report.json", StringComparison.Ordinal);

    private string? ReasonFileOf(string name) => FindIn("failed", name, ".reason.txt");

    /// <summary>The file of that name (with the suffix) in the folder; for a long name, any there that begins as it does.</summary>
    private string? FindIn(string folder, string name, string suffix = "")
    {
        var exact = Path.Combine(Inbox, folder, name + suffix);
        if (File.Exists(exact) || !Long(name))
            return File.Exists(exact) ? exact : null;
        return Directory.GetFiles(Path.Combine(Inbox, folder))
            .FirstOrDefault(f => Path.GetFileName(f).Contains(name[..40], StringComparison.Ordinal)
                && (suffix.Length > 0 ? f.EndsWith(suffix, StringComparison.Ordinal) : !IsSideFile(f)));
    }

    /// <summary>A valid file dropped now is ingested: the worker is alive and not stuck on an earlier file.</summary>
    private async Task WorkerKeepsGoingAsync()
    {
        var word = Statements.UniqueWord();
        var documents = Documents(word, 2);
        var name = $"{Guid.NewGuid():N}.jsonl";
        Drop(name, Lines(documents));

        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(name)), Patience), "the worker did not take a valid file dropped afterwards");
        var found = await Poll.UntilAsync(() => factory.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == documents.Count);
        Assert.Equal(documents.Count, found.Total);
    }

    private static string Listing(string folder) =>
        Directory.Exists(folder)
            ? string.Join(", ", Directory.GetFiles(folder).Select(f => RandomQueryText.Escape(Path.GetFileName(f))).Take(20))
            : "(none)";
}
