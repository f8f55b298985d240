using Supportal.Bench;

// Commands: seed (fill a database) and load (measure a running portal). See bench/README.md.
var options = Options.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "seed":
        return await SeedCommand.RunAsync(options, Console.Out);
    case "load":
        return await LoadCommand.RunAsync(options, Console.Out) is null ? 1 : 0;
    default:
        Console.Error.WriteLine("Usage: seed --tickets N [--provider Sqlite|Postgres] [--connection CS] [--seed 42]");
        Console.Error.WriteLine("       load --url http://127.0.0.1:PORT [--seconds 30] [--concurrency 32] [--warm 60] [--warmup 3] [--out bench/results]");
        Console.Error.WriteLine("            [--pid APP_PID] [--scenarios a,b,…] [--provider Sqlite|Postgres] [--connection CS]");
        return 1;
}
