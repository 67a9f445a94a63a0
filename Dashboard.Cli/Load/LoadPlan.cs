using Dashboard.Client;

namespace Dashboard.Cli.Load;

/// <summary>
/// What a load run simulates: how many users, arriving over the ramp-up, each with one session that sends a heartbeat
/// every interval (±10%) to a module and organization drawn from Zipf-like distributions, for the duration.
/// </summary>
internal sealed record LoadPlan
{
    public const int MaxConcurrency = 64;

    public int Users { get; init; } = 100;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Users arrive evenly over this time, so the count climbs as it does when a workday starts.</summary>
    public TimeSpan RampUp { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; init; } = 100;

    public int Modules { get; init; } = 8;

    public int Organizations { get; init; } = 20;

    /// <summary>Zipf exponent of the module and organization popularity: 0 is uniform, 1 is a typical long tail.</summary>
    public double Skew { get; init; } = 1.0;

    /// <summary>The chance, at each heartbeat, that a user has moved to another module.</summary>
    public double ModuleSwitch { get; init; } = 0.1;

    /// <summary>Batch requests in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>End every session (<c>isActive: false</c>) when the run is over, instead of letting them expire.</summary>
    public bool EndSessions { get; init; }

    public int Seed { get; init; } = Random.Shared.Next();

    /// <summary>Part of every user and session id, so runs do not mix and their data is recognisable.</summary>
    public string RunId { get; init; } = Guid.NewGuid().ToString("N")[..6];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, Users is >= 1 and <= 1_000_000, "--users must be between 1 and 1,000,000.");
        Check(errors, Duration > TimeSpan.Zero && Duration <= TimeSpan.FromDays(1), "--duration must be more than 0 and at most 24h.");
        Check(errors, RampUp >= TimeSpan.Zero && RampUp <= Duration, "--ramp-up must be between 0 and the duration.");
        Check(errors, Heartbeat >= TimeSpan.FromMilliseconds(100), "--heartbeat must be at least 100ms.");
        Check(errors, BatchSize is >= 1 and <= ConcurrentUsersClient.MaxBatchSize, "--batch-size must be between 1 and 1000.");
        Check(errors, Modules >= 1, "--modules must be at least 1.");
        Check(errors, Organizations >= 1, "--organizations must be at least 1.");
        Check(errors, Skew is >= 0 and <= 5, "--skew must be between 0 and 5.");
        Check(errors, ModuleSwitch is >= 0 and <= 1, "--module-switch must be between 0 and 1.");
        Check(errors, Concurrency is >= 1 and <= MaxConcurrency, $"--concurrency must be between 1 and {MaxConcurrency}.");
        Check(errors, RunId.Length is >= 1 and <= 32 && RunId.All(char.IsAsciiLetterOrDigit),
            "--run-id must be 1 to 32 letters or digits.");
        return errors;
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}
