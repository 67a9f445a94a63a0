using Npgsql;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server (initdb + pg_ctl) on a free loopback port, its data in a temp folder. PostgreSQL refuses
/// to run as root, so when the tests run as root it is started as the postgres OS user.
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly string _folder;
    private readonly string _dataFolder;

    private PostgresServer(string folder, int port)
    {
        _folder = folder;
        _dataFolder = Path.Combine(folder, "data");
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            await ChildProcess.RunAsync("chown", "postgres:postgres", folder);
        }

        var server = new PostgresServer(folder, FreePort.Next());
        await AsPostgresAsync("initdb", "-D", server._dataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await server.StartAsync();
        return server;
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    /// <summary>Creates an empty database (from template1) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and data.</summary>
    public Task StartAsync() =>
        AsPostgresAsync("pg_ctl", "-D", _dataFolder, "-w", "-t", "60", "-l", Path.Combine(_folder, "server.log"),
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");

    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", _dataFolder, "-w", "-m", "fast", "stop");

    /// <summary>
    /// Stalls the server (SIGSTOP to the postmaster): the kernel still accepts connections, and nothing answers them,
    /// as with a host that drops packets. <see cref="ResumeAsync"/> undoes it.
    /// </summary>
    public Task StallAsync() => ChildProcess.RunAsync("kill", "-STOP", PostmasterId());

    public Task ResumeAsync() => ChildProcess.RunAsync("kill", "-CONT", PostmasterId());

    // The first line of postmaster.pid is the postmaster's process id.
    private string PostmasterId() => File.ReadLines(Path.Combine(_dataFolder, "postmaster.pid")).First().Trim();

    public void Dispose()
    {
        try
        {
            AsPostgresAsync("pg_ctl", "-D", _dataFolder, "-w", "-m", "immediate", "stop")
                .GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task<string> AsPostgresAsync(string tool, params string[] arguments)
    {
        var binary = RequiredBinary.Find(tool, "postgresql", RequiredBinary.PostgresFolders());
        return IsRoot
            ? ChildProcess.RunAsync("runuser", ["-u", "postgres", "--", binary, .. arguments])
            : ChildProcess.RunAsync(binary, arguments);
    }
}
