using System;
using System.CommandLine;

namespace TypedFlags.Cli.Store;

/// <summary>The options every store command takes: <c>--store</c> and <c>--manifest</c>; the writing ones add <c>--reason</c> and <c>--actor</c>.</summary>
internal sealed class StoreOptions
{
    /// <summary>The variable that names the store when <c>--store</c> is not given.</summary>
    public const string EnvironmentVariable = "TYPEDFLAGS_STORE";

    public Option<string?> Store { get; } = new("--store")
    {
        Description = "The flag store: sqlite:PATH or postgres:CONNECTION. Default: the TYPEDFLAGS_STORE environment variable.",
        HelpName = "SCHEME:LOCATION",
    };

    public Option<string?> Manifest { get; } = new("--manifest")
    {
        Description = "The flags.yaml that writes are checked against, or a directory that holds one. Default: ./flags.yaml.",
        HelpName = "PATH",
    };

    public Option<string> Reason { get; } = new("--reason")
    {
        Description = "Why the change is made; recorded in the audit history. Required.",
        Required = true,
    };

    public Option<string?> Actor { get; } = new("--actor")
    {
        Description = "Who makes the change; recorded in the audit history. Default: the OS user name.",
    };

    public Option<long?> BaseRevision { get; } = new("--base-revision")
    {
        Description = "Write only if the flag is still at this revision (the one 'status' showed; 0 for a flag without an override); otherwise exit 1 and write nothing. Default: the revision read just before the write.",
        HelpName = "N",
    };

    /// <summary>Adds the store options (and, for writes, reason, actor and base revision) to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool writes)
    {
        command.Options.Add(Store);
        command.Options.Add(Manifest);
        if (writes)
        {
            command.Options.Add(Reason);
            command.Options.Add(Actor);
            BaseRevision.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<long?>() is < 0)
                {
                    result.AddError("--base-revision must be 0 or more.");
                }
            });
            command.Options.Add(BaseRevision);
        }
    }

    /// <summary>The actor given, or the OS user.</summary>
    public string ActorOf(ParseResult parseResult) =>
        parseResult.GetValue(Actor) is { Length: > 0 } actor ? actor : Environment.UserName;
}
