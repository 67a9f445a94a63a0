namespace Dashboard.Bench;

/// <summary>CPU seconds per process group over one measurement.</summary>
internal sealed record CpuUse(double App, double Redis, double Postgres, double Generator)
{
    /// <summary>The same use in CPU microseconds per operation.</summary>
    public CpuUse MicrosPer(double operations)
    {
        var scale = 1e6 / operations;
        return new CpuUse(App * scale, Redis * scale, Postgres * scale, Generator * scale);
    }

    /// <summary>"app 1.2 s, redis 0.8 s, ..." with CPU milliseconds per 1,000 operations.</summary>
    public string Describe(double operations)
    {
        var perThousand = 1000 / operations * 1000;
        var parts = new List<string>();
        Add(parts, "app", App, perThousand);
        Add(parts, "redis-server", Redis, perThousand);
        Add(parts, "postgres", Postgres, perThousand);
        Add(parts, "load generator", Generator, perThousand);
        return "CPU " + string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string name, double seconds, double perThousand)
    {
        if (seconds > 0.005)
        {
            parts.Add($"{name} {seconds:N1} s ({seconds * perThousand:N0} ms/1k)");
        }
    }
}
