using System.Runtime.InteropServices;
using System.Text;

namespace Dashboard.Cli;

/// <summary>The process entry: the console as host, Ctrl+C and SIGTERM as cancellation.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var stop = new CancellationTokenSource();
        // The first signal asks the command to stop cleanly; a second one ends the process at once.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await CliApp.RunAsync(args, CliHost.FromConsole(), stop.Token).ConfigureAwait(false);
    }
}
