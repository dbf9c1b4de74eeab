using System.ComponentModel;
using Refit;
using Search.Cli.Input;
using Search.Cli.Output;
using Search.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// Runs <c>POST /api/admin/backup</c> into a file: a consistent copy of the service's SQLite archive, written under
/// a temporary name, checked to be an archive, and only then renamed into place, so that a file of that name is
/// always a whole backup.
/// </summary>
public sealed class BackupCommand : ServiceCommand<BackupCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Where to write the backup (a SQLite file; replaced when it exists)")]
        public string? Out { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE says where to write the backup.") : base.Validate();
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        using var response = await api.BackupAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ApiException.Create(response.RequestMessage!, HttpMethod.Post, response, new RefitSettings());

        var path = Path.GetFullPath(settings.Out!);
        var partial = path + ".partial";
        long? documents;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // Owner-only, as the archive itself: the backup holds every document and saved search.
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var output = new FileStream(partial, options))
                await response.Content.CopyToAsync(output, cancellationToken);
            (documents, var problem) = ArchiveBackupFile.Check(partial);
            if (problem is not null)
            {
                ErrorView.Failed($"The service sent no usable backup: {problem}");
                File.Delete(partial);
                return 1;
            }
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        AnsiConsole.MarkupLine($"Backup of [green]{documents:N0}[/] documents written to [bold]{Markup.Escape(path)}[/] ({new FileInfo(path).Length / 1048576.0:N1} MB)");
        return 0;
    }
}
