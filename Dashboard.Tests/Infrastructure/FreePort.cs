using System.Net;
using System.Net.Sockets;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Loopback ports nobody is listening on, for the servers the fixtures start.</summary>
internal static class FreePort
{
    public static int Next() => Next(_ => true);

    /// <summary>A free port for which <paramref name="alsoFree"/> holds (Redis Cluster needs port + 10000 free too).</summary>
    public static int Next(Func<int, bool> alsoFree)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Bind(0);
            if (port < 55535 && alsoFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free loopback port found in 100 attempts.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            Bind(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Bind(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
