using System.Reflection;
using Dashboard.Core.Performance;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>The Lua scripts of the Redis store, each with <c>shared.lua</c> (key names and helpers) in front.</summary>
internal static class RedisScripts
{
    // The one definition of how long histograms live is LatencyHistogram.KeptLive; the scripts get it from here.
    // Declared first: static fields are initialized in order, and the scripts below are loaded with it.
    private static readonly string Constants =
        $"local HISTOGRAM_TTL_SECONDS = {(long)LatencyHistogram.KeptLive.TotalSeconds}\n";

    public static readonly RedisScript Record = Load("record.lua");
    public static readonly RedisScript Claim = Load("claim.lua");
    public static readonly RedisScript AdmitModules = Load("admit_modules.lua");
    public static readonly RedisScript Snapshot = Load("snapshot.lua");
    public static readonly RedisScript Organizations = Load("organizations.lua");
    public static readonly RedisScript ReportAll = Load("report_all.lua");
    public static readonly RedisScript Usage = Load("usage.lua");
    public static readonly RedisScript Sessions = Load("sessions.lua");
    public static readonly RedisScript ExpireSessions = Load("expire_sessions.lua");
    public static readonly RedisScript Trim = Load("trim.lua");
    public static readonly RedisScript AppendSample = Load("append_sample.lua");
    public static readonly RedisScript ReadSamples = Load("read_samples.lua");
    public static readonly RedisScript Performance = Load("performance.lua");
    public static readonly RedisScript AddLatencies = Load("add_latencies.lua");

    private static RedisScript Load(string name) => new(Constants + Read("shared.lua") + "\n" + Read(name));

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Lua script {name} is not embedded in {typeof(RedisScripts).Assembly}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
