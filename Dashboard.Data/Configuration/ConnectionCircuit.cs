using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Dashboard.Data.Configuration;

/// <summary>
/// Fails a PostgreSQL connection at once while the last attempt to open one failed less than a connect timeout ago.
/// With the server unreachable, a poll (history, resources, alerts) or a readiness probe (database, migrations) opens
/// several connections in a row, and each one waited the whole connect timeout. One attempt per connect timeout still
/// goes through: it is the probe that ends the outage, and the first connection opened closes the circuit.
/// </summary>
internal sealed class ConnectionCircuit(TimeSpan cooldown) : DbConnectionInterceptor
{
    private const long Closed = long.MinValue;

    // Environment.TickCount64 until which opening fails at once: the connect timeout is wall-clock time too.
    private long _openUntil = Closed;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Interlocked.Exchange(ref _openUntil, Closed);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _openUntil, Closed);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Trip(eventData.Exception);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Trip(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Trip(Exception exception)
    {
        // A connection this circuit refused is no news about the server.
        if (exception is not CircuitOpenException)
        {
            Interlocked.Exchange(ref _openUntil, Environment.TickCount64 + (long)cooldown.TotalMilliseconds);
        }
    }

    private void Check()
    {
        var until = Interlocked.Read(ref _openUntil);
        if (until == Closed)
        {
            return;
        }

        var now = Environment.TickCount64;
        // Past the cooldown, the one caller that moves it on tries the server; the others still fail at once.
        if (now < until || Interlocked.CompareExchange(ref _openUntil, now + (long)cooldown.TotalMilliseconds, until) != until)
        {
            throw new CircuitOpenException();
        }
    }

    /// <summary>An <see cref="NpgsqlException"/>, so every caller already takes it for "the database is unavailable".</summary>
    private sealed class CircuitOpenException() : NpgsqlException("The history database could not be reached moments ago; not tried again yet.");
}
