namespace Dashboard.Client;

/// <summary>The average number of concurrent users over a time range.</summary>
public sealed record UsersAverage(double AverageUsers, DateTimeOffset Start, DateTimeOffset End);
