using Supportal.Bench;

// Commands: seed (fill a database), load (measure a running portal) and mail (drain an outbox backlog). See bench/README.md.
var options = Options.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "seed":
        return await SeedCommand.RunAsync(options, Console.Out);
    case "load":
        return await LoadCommand.RunAsync(options, Console.Out) is null ? 1 : 0;
    case "mail":
        return await MailCommand.RunAsync(options, Console.Out) is null ? 1 : 0;
    default:
        Console.Error.WriteLine("Usage: seed --tickets N [--articles N] [--provider Sqlite|Postgres] [--connection CS] [--seed 42]");
        Console.Error.WriteLine("       load --url http://127.0.0.1:PORT [--seconds 30] [--concurrency 32] [--warm 60] [--warmup 3] [--out bench/results]");
        Console.Error.WriteLine("            [--pid APP_PID] [--scenarios a,b,…] [--provider Sqlite|Postgres] [--connection CS]");
        Console.Error.WriteLine("       mail [--messages 100000] [--nodes 1] [--provider Sqlite|Postgres] [--connection CS] [--smtp-port 2525] [--port 5300]");
        Console.Error.WriteLine("            [--smtp-connections 2] [--messages-per-connection 20] [--app PATH] [--python /usr/bin/python3] [--out bench/results]");
        return 1;
}
