using Microsoft.Extensions.Options;
using Supportal.Accounts;
using Supportal.Contracts;
using Supportal.Data;
using Supportal.Email;
using Supportal.KnowledgeBase;
using Supportal.Platform;
using Supportal.Sla;
using Supportal.Status;
using Supportal.Tickets;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.AddDatabase();
builder.AddAccounts();
builder.AddContracts();
builder.AddTickets();
builder.AddSla();
builder.AddKnowledgeBase();
builder.AddStatus();
builder.AddEmail();
if (args is ["import-accounts", ..] or ["add-admin", ..])
    // The command's progress and summary are its output; the host's information logs would bury them.
    builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
try
{
    if (args is ["migrate", ..])
    {
        await app.Services.MigrateAsync();
        Console.WriteLine("Database is up to date.");
        return 0;
    }
    if (args is ["import-accounts", ..])
    {
        if (args is not ["import-accounts", var file])
        {
            Console.Error.WriteLine("Usage: import-accounts FILE.csv");
            return 1;
        }
        return await ImportAccountsCommand.RunAsync(app.Services, file, Console.Out, Console.Error, CancellationToken.None);
    }
    if (args is ["add-admin", ..])
    {
        if (args is not ["add-admin", var email])
        {
            Console.Error.WriteLine("Usage: add-admin EMAIL");
            return 1;
        }
        return await AddAdminCommand.RunAsync(app.Services, email, Console.Out, Console.Error);
    }
    await app.Services.PrepareEmbeddedDatabaseAsync();
    app.UsePlatform();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException || ex is AggregateException { InnerExceptions: var all } && all.All(e => e is OptionsValidationException))
{
    // Say which settings are wrong (all of them, when several sections are), not a stack trace.
    var failures = ex is AggregateException many ? many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures) : ((OptionsValidationException)ex).Failures;
    Console.Error.WriteLine("Invalid configuration: " + string.Join(" ", failures));
    return 2;
}

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
