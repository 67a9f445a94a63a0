using System.Globalization;

namespace Dashboard.Bench;

/// <summary>
/// CPU seconds spent by the processes of the benchmark, from /proc: the machine has 2 cores, so where the CPU goes
/// is usually what limits a throughput figure.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc/<pid>/stat times on Linux.
    private const double TicksPerSecond = 100;

    /// <summary>User + system time of one process, its waited-for children included when <paramref name="children"/>.</summary>
    public static double Seconds(int pid, bool children = false)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return 0;
        }

        var ticks = Tick(fields, 14) + Tick(fields, 15) + (children ? Tick(fields, 16) + Tick(fields, 17) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>The PostgreSQL server: its postmaster, ended backends (reaped by it) and live backends.</summary>
    public static double PostgresSeconds(int postmasterPid)
    {
        var total = Seconds(postmasterPid, children: true);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Fields(pid) is { } fields && Tick(fields, 4) == postmasterPid)
            {
                total += (Tick(fields, 14) + Tick(fields, 15)) / TicksPerSecond;
            }
        }

        return total;
    }

    // Fields of /proc/<pid>/stat numbered as in proc(5), 1-based; the command name (field 2) may hold spaces.
    private static string[]? Fields(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        var afterName = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return ["", "", "", .. afterName];
    }

    private static long Tick(string[] fields, int number) => long.Parse(fields[number], CultureInfo.InvariantCulture);
}
