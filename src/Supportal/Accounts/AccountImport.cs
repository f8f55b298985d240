using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Platform;

namespace Supportal.Accounts;

/// <summary>Why a row of an import file did not become an account. Each has an "Import.Problem.*" text.</summary>
public enum ImportProblemKind
{
    MissingEmail,
    InvalidEmail,
    DuplicateInFile,
    AlreadyExists,
    UnknownLanguage,
    TooLong,
    WrongFieldCount,
    BadQuotes,
    NotUtf8,
}

/// <summary>One skipped row. <see cref="Argument"/> completes the reason: the first line of a duplicate, a column name, a count.</summary>
public sealed record ImportProblem(int Line, string Email, ImportProblemKind Kind, string? Argument = null);

public sealed record ImportResult(int Created, IReadOnlyList<ImportProblem> Problems)
{
    public int Skipped => Problems.Count;
    public int AlreadyExisting => Problems.Count(p => p.Kind == ImportProblemKind.AlreadyExists);
}

public enum ImportFileError
{
    Empty,
    MissingColumns,
}

/// <summary>The file as a whole cannot be imported; nothing was written.</summary>
public sealed class ImportFileException(ImportFileError error, IReadOnlyList<string> missingColumns)
    : Exception($"The import file cannot be read: {error}.")
{
    public ImportFileError Error => error;
    public IReadOnlyList<string> MissingColumns => missingColumns;
}

/// <summary>
/// Turns the previous portal's account export into accounts with a confirmed e-mail and no password; their
/// owners set one through "Forgot my password". Bad rows are reported by line and skipped, the rest imported,
/// and accounts that already exist are left alone, so importing a file again changes nothing.
/// </summary>
public sealed partial class AccountImporter(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock, AuditLog audit, ILogger<AccountImporter> logger)
{
    public static readonly IReadOnlyList<string> Columns = ["email", "first_name", "last_name", "company", "phone", "language"];

    // Big enough to keep round trips few, small enough for every provider's parameter limit and a modest
    // change tracker. Rows, not accounts, so that progress moves in even steps.
    private const int BatchSize = 1000;
    private const int MaxEmailLength = 254;

    private static readonly (string Column, int Max)[] Limits = [("first_name", 100), ("last_name", 100), ("company", 200), ("phone", 50)];

    private sealed record Pending(int Line, ApplicationUser User);

    private sealed record Header(Dictionary<string, int> Index, int Count);

    /// <summary>Counts the data rows, for progress reports out of a total.</summary>
    public static async Task<int> CountRowsAsync(Stream csv, CancellationToken cancellationToken)
    {
        var reader = new CsvReader(Open(csv));
        var rows = -1;
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            if (!record.IsBlank)
                rows++;
        }
        return Math.Max(rows, 0);
    }

    /// <param name="progress">Told the number of data rows handled so far, after each batch.</param>
    /// <exception cref="ImportFileException">The file is empty or its header lacks columns; nothing was written.</exception>
    public async Task<ImportResult> ImportAsync(Stream csv, string fileName, Guid? importedBy, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var reader = new CsvReader(Open(csv));
        var header = await ReadHeaderAsync(reader, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        var pending = new List<Pending>(BatchSize);
        var rows = 0;
        var created = 0;
        while (await reader.ReadAsync(cancellationToken) is { } record)
        {
            if (record.IsBlank)
                continue;
            rows++;
            var row = ReadRow(record, header, now);
            if (row.Problem is { } problem)
                problems.Add(problem);
            else if (firstLineOf.TryGetValue(row.User!.NormalizedEmail!, out var first))
                problems.Add(new ImportProblem(record.Line, row.User.Email!, ImportProblemKind.DuplicateInFile, first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            else
            {
                firstLineOf[row.User.NormalizedEmail!] = record.Line;
                pending.Add(new Pending(record.Line, row.User));
            }
            if (rows % BatchSize == 0)
            {
                created += await SaveAsync(pending, problems, cancellationToken);
                progress?.Report(rows);
            }
        }
        created += await SaveAsync(pending, problems, cancellationToken);
        if (rows % BatchSize != 0)
            progress?.Report(rows);

        // Some browsers send the whole client path, with the client's separators.
        var name = fileName.Split('/', '\\')[^1];
        audit.Record(db, AuditActions.AccountsImported, importedBy,
            $"{(name.Length > 200 ? name[..200] : name)}: {created} created, {problems.Count} skipped");
        await db.SaveChangesAsync(cancellationToken);
        LogImported(logger, rows, created, problems.Count);
        return new ImportResult(created, problems.OrderBy(p => p.Line).ToList());
    }

    private static StreamReader Open(Stream csv) =>
        // Invalid bytes become U+FFFD instead of an exception, so one badly encoded row is reported, not the file.
        new(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);

    private static async Task<Header> ReadHeaderAsync(CsvReader reader, CancellationToken cancellationToken)
    {
        CsvRecord? header;
        do
            header = await reader.ReadAsync(cancellationToken);
        while (header is { IsBlank: true });
        if (header is null)
            throw new ImportFileException(ImportFileError.Empty, []);
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
            columns.TryAdd(header.Fields[i].Trim(), i);
        var missing = Columns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new ImportFileException(ImportFileError.MissingColumns, missing);
        return new Header(columns, header.Fields.Count);
    }

    private (ApplicationUser? User, ImportProblem? Problem) ReadRow(CsvRecord record, Header header, DateTime now)
    {
        string Field(string column) => header.Index[column] < record.Fields.Count ? record.Fields[header.Index[column]].Trim() : "";
        var email = Field("email");
        // A quote left open can swallow the rest of the file into one field; the report needs only a glimpse.
        ImportProblem Problem(ImportProblemKind kind, string? argument = null) =>
            new(record.Line, email.Length > 100 ? email[..100] + "…" : email, kind, argument);

        if (record.BadQuotes)
            return (null, Problem(ImportProblemKind.BadQuotes));
        if (record.Fields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal)))
            return (null, Problem(ImportProblemKind.NotUtf8));
        // A wrong count usually means an unquoted comma shifted the columns; importing it would scramble the data.
        // Empty fields after the last column are harmless: some spreadsheets end every row with a comma.
        if (record.Fields.Count < header.Count || record.Fields.Skip(header.Count).Any(f => f.Length > 0))
            return (null, Problem(ImportProblemKind.WrongFieldCount, record.Fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (email.Length == 0)
            return (null, Problem(ImportProblemKind.MissingEmail));
        if (!IsEmail(email))
            return (null, Problem(ImportProblemKind.InvalidEmail));
        foreach (var (column, max) in Limits)
        {
            if (Field(column).Length > max)
                return (null, Problem(ImportProblemKind.TooLong, column));
        }
        var language = Field("language").ToLowerInvariant() is { Length: > 0 } given ? given : "en";
        if (!Languages.IsSupported(language))
            return (null, Problem(ImportProblemKind.UnknownLanguage));

        var phone = Field("phone");
        return (new ApplicationUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            // The old portal confirmed these addresses; there is no password until the owner sets one.
            EmailConfirmed = true,
            PasswordHash = null,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            FirstName = Field("first_name"),
            LastName = Field("last_name"),
            Company = Field("company"),
            PhoneNumber = phone.Length > 0 ? phone : null,
            Language = language,
            CreatedAt = now,
        }, null);
    }

    internal static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Any(char.IsWhiteSpace)
        && Email.EmailAddresses.IsBare(value)
        // The parser accepts hosts no mail can reach: "localhost", "[1.2.3.4]"; require a dotted name.
        && value[(value.LastIndexOf('@') + 1)..] is var host && host.Contains('.', StringComparison.Ordinal)
        && host.All(c => char.IsLetterOrDigit(c) || c is '-' or '.')
        && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal);

    private async Task<int> SaveAsync(List<Pending> pending, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
            return 0;
        var names = pending.Select(p => p.User.NormalizedEmail!).ToList();
        // The user name is the e-mail and is unique, so an account whose user name matches is taken as well.
        var taken = (await db.Users.AsNoTracking()
                .Where(u => names.Contains(u.NormalizedEmail!) || names.Contains(u.NormalizedUserName!))
                .Select(u => new { u.NormalizedEmail, u.NormalizedUserName })
                .ToListAsync(cancellationToken))
            .SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName })
            .ToHashSet(StringComparer.Ordinal);
        var fresh = new List<ApplicationUser>(pending.Count);
        foreach (var p in pending)
        {
            if (taken.Contains(p.User.NormalizedEmail))
                problems.Add(new ImportProblem(p.Line, p.User.Email!, ImportProblemKind.AlreadyExists));
            else
                fresh.Add(p.User);
        }
        pending.Clear();
        db.Users.AddRange(fresh);
        await OrganizationDomains.JoinAllAsync(db, fresh);
        await db.SaveChangesAsync(cancellationToken);
        // Tracked accounts would otherwise pile up and slow every later batch's change detection.
        db.ChangeTracker.Clear();
        return fresh.Count;
    }

    [LoggerMessage(LogLevel.Information, "Account import: {Rows} rows, {Created} created, {Skipped} skipped")]
    private static partial void LogImported(ILogger logger, int rows, int created, int skipped);
}

/// <summary>One CSV record: its fields and the line it starts on (a quoted field may span lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool BadQuotes)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// An RFC 4180 reader (comma, double quotes, doubled quotes inside, line breaks inside quotes; CRLF or LF).
/// Written here rather than taken from a CSV library because the import needs two things a general reader
/// makes awkward: the physical line on which each record starts, to report problems by the line an admin
/// sees in an editor, and stray or unclosed quotes reported on their record instead of stopping the file.
/// </summary>
internal sealed class CsvReader(TextReader text)
{
    private readonly StringBuilder field = new();
    private readonly char[] buffer = new char[16 * 1024];
    private int length;
    private int position;
    private int line = 1;

    public async Task<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken))
            return null;
        var start = line;
        var fields = new List<string>();
        var bad = false;
        while (true)
        {
            field.Clear();
            int c = await NextAsync(cancellationToken);
            if (c == '"')
            {
                bad |= !await ReadQuotedAsync(cancellationToken);
                c = await NextAsync(cancellationToken);
                // Anything between the closing quote and the next comma breaks the format; keep it, but say so.
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    bad = true;
                    field.Append((char)c);
                    c = await NextAsync(cancellationToken);
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    bad |= c == '"';
                    field.Append((char)c);
                    c = await NextAsync(cancellationToken);
                }
            }
            fields.Add(field.ToString());
            if (c == ',')
                continue;
            await EndLineAsync(c, cancellationToken);
            return new CsvRecord(start, fields, bad);
        }
    }

    /// <summary>Reads up to and including the closing quote; false when the file ends first.</summary>
    private async Task<bool> ReadQuotedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var c = await NextAsync(cancellationToken);
            switch (c)
            {
                case -1:
                    return false;
                case '"' when await PeekAsync(cancellationToken) == '"':
                    position++;
                    field.Append('"');
                    break;
                case '"':
                    return true;
                case '\r':
                    if (await PeekAsync(cancellationToken) == '\n')
                        position++;
                    line++;
                    field.Append('\n');
                    break;
                case '\n':
                    line++;
                    field.Append('\n');
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }

    private async Task EndLineAsync(int c, CancellationToken cancellationToken)
    {
        if (c == '\r' && await PeekAsync(cancellationToken) == '\n')
            position++;
        if (c is '\r' or '\n')
            line++;
    }

    private async ValueTask<int> NextAsync(CancellationToken cancellationToken) =>
        await FillAsync(cancellationToken) ? buffer[position++] : -1;

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken) =>
        await FillAsync(cancellationToken) ? buffer[position] : -1;

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (position < length)
            return true;
        length = await text.ReadAsync(buffer, cancellationToken);
        position = 0;
        return length > 0;
    }
}
