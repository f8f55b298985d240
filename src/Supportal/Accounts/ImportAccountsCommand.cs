using System.Globalization;
using Microsoft.Extensions.Localization;
using Supportal.Data;

namespace Supportal.Accounts;

/// <summary>`import-accounts FILE.csv`: the admin page's import, for files too large or too many to upload.</summary>
public static class ImportAccountsCommand
{
    private const int ReportEvery = 5000;

    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // The command speaks English whatever the machine's language, like the rest of the console output.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        int total;
        try
        {
            await using var counting = File.OpenRead(file);
            total = await AccountImporter.CountRowsAsync(counting, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"Cannot read {file}: {ex.Message}");
            return 1;
        }

        await services.PrepareEmbeddedDatabaseAsync();
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AccountImporter>();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        // On a terminal the count rewrites one line; in a log each report is a line of its own.
        var terminal = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var progress = new ProgressLine(rows =>
        {
            if (rows % ReportEvery == 0 && rows < total)
                output.Write(terminal ? $"\rImported {rows} of {total}" : $"Imported {rows} of {total}{Environment.NewLine}");
        });
        ImportResult result;
        try
        {
            await using var csv = File.OpenRead(file);
            result = await importer.ImportAsync(csv, file, importedBy: null, progress, cancellationToken);
        }
        catch (ImportFileException ex)
        {
            errors.WriteLine(ex.Error == ImportFileError.Empty
                ? $"{file} is empty."
                : $"{file} is not an account export: the first line lacks the columns {string.Join(", ", ex.MissingColumns)}.");
            return 1;
        }
        if (terminal && total > ReportEvery)
            output.WriteLine();

        output.WriteLine($"Import finished: {result.Created} created, {result.Skipped} skipped ({result.AlreadyExisting} already had an account).");
        // Line numbers only: the admin has the file, and console output often ends up in logs.
        foreach (var problem in result.Problems)
            output.WriteLine($"Line {problem.Line}: {text[$"Import.Problem.{problem.Kind}", problem.Argument ?? ""]}");
        return 0;
    }

    /// <summary>Reports on the importer's own thread, so lines come out in order and before the summary.</summary>
    private sealed class ProgressLine(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
