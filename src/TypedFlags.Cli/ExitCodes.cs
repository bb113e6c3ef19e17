namespace TypedFlags.Cli;

/// <summary>
/// The process exit codes of every command (SPEC §6), in one place so docs/cli.md, the commands and the tests agree.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Clean: no errors (warnings may have been printed).</summary>
    public const int Clean = 0;

    /// <summary>Findings or errors: a TF error in flags.yaml, no flags.yaml where one was asked for, an empty
    /// directory, a file that cannot be read or written, or an unexpected failure.</summary>
    public const int Findings = 1;

    /// <summary>Usage: the command line itself is wrong (unknown command or option, bad option value).</summary>
    public const int Usage = 2;
}
