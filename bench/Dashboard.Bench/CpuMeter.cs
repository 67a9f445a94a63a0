namespace Dashboard.Bench;

/// <summary>CPU seconds of the app, Redis, PostgreSQL and the load generators between its start and <see cref="Read"/>.</summary>
internal sealed class CpuMeter(BenchSettings settings)
{
    private readonly double[] _start = Sample(settings);

    public CpuUse Read()
    {
        var now = Sample(settings);
        return new CpuUse(now[0] - _start[0], now[1] - _start[1], now[2] - _start[2], now[3] - _start[3]);
    }

    private static double[] Sample(BenchSettings settings) =>
    [
        ProcessCpu.Seconds(settings.AppPid),
        ProcessCpu.Seconds(settings.RedisPid),
        ProcessCpu.PostgresSeconds(settings.PostgresPid),
        // This process and the tools it ran (redis-benchmark, redis-cli): the load generators.
        ProcessCpu.Seconds(Environment.ProcessId, children: true),
    ];
}
