namespace Dashboard.Cli;

/// <summary>Input the tool refuses before it calls the server; ends with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
