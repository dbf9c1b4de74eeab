using System.ComponentModel;
using Search.Cli.Input;
using Search.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// Puts a backup in place as the archive of a new data folder, with no service involved: the service started on
/// that folder then builds its index from the archive. Only into a folder with no archive and no index, so that a
/// restore never overwrites what a service holds.
/// </summary>
public sealed class RestoreCommand : Command<RestoreCommand.Settings>
{
    private const string ArchiveName = "archive.db";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from <FILE>")]
        [Description("The backup to restore (what backup --out wrote)")]
        public string? From { get; set; }

        [CommandOption("--data <DIR>")]
        [Description("The data folder to restore into; it must hold no archive and no index (created when missing)")]
        public string? Data { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("--from FILE names the backup to restore.")
            : string.IsNullOrWhiteSpace(Data) ? ValidationResult.Error("--data DIR names the data folder to restore into.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var backup = Path.GetFullPath(settings.From!);
        var folder = Path.GetFullPath(settings.Data!);
        var archive = Path.Combine(folder, ArchiveName);
        if (File.Exists(archive) || Directory.Exists(Path.Combine(folder, "generations")))
        {
            ErrorView.Failed($"{folder} already holds an archive or an index: restore into an empty or new data folder.");
            return 1;
        }
        var (documents, problem) = ArchiveBackupFile.Check(backup);
        if (problem is not null)
        {
            ErrorView.Failed(problem);
            return 1;
        }
        Directory.CreateDirectory(folder);
        var partial = archive + ".partial";
        try
        {
            File.Copy(backup, partial, overwrite: true);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // Renamed into place whole: a service never finds half an archive.
            File.Move(partial, archive);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        AnsiConsole.MarkupLine($"Restored [green]{documents:N0}[/] documents into [bold]{Markup.Escape(archive)}[/]; a service started on {Markup.Escape(folder)} indexes them as it starts.");
        return 0;
    }
}
