namespace Dashboard.Cli;

/// <summary>What the tool's exit code tells a script.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server answered with an error, or reported itself unhealthy.</summary>
    public const int Failure = 1;

    /// <summary>The server could not be reached: connection refused, name not found, timeout.</summary>
    public const int Unreachable = 2;

    /// <summary>The server refused the credentials: no or a wrong API key (401), or a key without the scope the call needs (403).</summary>
    public const int Unauthorized = 3;

    /// <summary>Bad usage or input, refused before any call (EX_USAGE of sysexits.h).</summary>
    public const int Usage = 64;

    /// <summary>Stopped by Ctrl+C in the middle of a one-shot command (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
