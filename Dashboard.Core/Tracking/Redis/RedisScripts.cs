using System.Reflection;

namespace Dashboard.Core.Tracking.Redis;

/// <summary>The Lua scripts of the Redis store, each with <c>shared.lua</c> (key names and helpers) in front.</summary>
internal static class RedisScripts
{
    public static readonly string Record = Load("record.lua");
    public static readonly string Snapshot = Load("snapshot.lua");
    public static readonly string Organizations = Load("organizations.lua");
    public static readonly string Usage = Load("usage.lua");
    public static readonly string Sessions = Load("sessions.lua");
    public static readonly string ExpireSessions = Load("expire_sessions.lua");
    public static readonly string Trim = Load("trim.lua");
    public static readonly string AppendSample = Load("append_sample.lua");
    public static readonly string ReadSamples = Load("read_samples.lua");
    public static readonly string Performance = Load("performance.lua");
    public static readonly string AddLatencies = Load("add_latencies.lua");

    private static string Load(string name) => Read("shared.lua") + "\n" + Read(name);

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Lua script {name} is not embedded in {typeof(RedisScripts).Assembly}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
