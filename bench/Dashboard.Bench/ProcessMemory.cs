using System.Globalization;

namespace Dashboard.Bench;

/// <summary>A process's resident memory from /proc: what figures 10 and 11 charge per circuit and per subscriber.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS of <paramref name="pid"/> in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    /// <summary>
    /// The median of <paramref name="samples"/> readings one <paramref name="interval"/> apart: the GC grows and
    /// trims the heap between polls, so one reading can land on either side of a collection.
    /// </summary>
    public static async Task<long> SteadyResidentBytesAsync(int pid, TimeSpan interval, int samples = 5)
    {
        var readings = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            await Task.Delay(interval);
            readings.Add(ResidentBytes(pid));
        }

        return (long)Stats.Median(readings);
    }
}
