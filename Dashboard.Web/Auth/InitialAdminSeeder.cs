using Dashboard.Core.Tracking;
using Dashboard.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>
/// Makes the first admin when nobody exists yet: from <c>Dashboard:Auth:InitialAdmin</c>, or <c>admin</c> with a random
/// password logged once at Warning, which must be changed at the first sign-in. Runs after the migrations, before the
/// app serves; a database that is down at start does not stop the app: it is asked again every 30 s until it answers.
/// </summary>
public sealed partial class InitialAdminSeeder(
    IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider time, OutageLog outages, ILogger<InitialAdminSeeder> logger)
    : IHostedService, IDisposable
{
    public const string GeneratedUserName = "admin";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not FirstAdminRefusedException)
        {
            // The database's outage is logged once, by whoever meets it first; this only says what happens next.
            outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
            LogNotYet(logger, RetryInterval);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Nothing to stop once the first admin was looked for; the host may have disposed this already.
        if (_retrying.IsCompleted)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _retrying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                await SeedAsync(cancellationToken);
                outages.Succeeded(StoreUnavailableException.HistoryDatabase);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not FirstAdminRefusedException)
            {
                outages.Failed(StoreUnavailableException.HistoryDatabase, exception);
            }
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var configured = options.Value.InitialAdmin;
        var generated = string.IsNullOrEmpty(configured.Password);
        var userName = generated ? GeneratedUserName : configured.UserName!;
        var password = generated ? PeopleAdministration.RandomPassword() : configured.Password!;
        var admin = new DashboardUser { UserName = userName, Role = DashboardRoles.Admin, MustChangePassword = generated };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new FirstAdminRefusedException(
                $"Could not create the first admin {userName}: {string.Join(" ", result.Errors.Select(error => error.Description))}");
        }

        if (generated)
        {
            LogGenerated(logger, userName, password);
        }
        else
        {
            LogConfigured(logger, userName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign in as {UserName} with {Password} and choose a new password (no person existed, so this admin was made; set Dashboard:Auth:InitialAdmin to choose one)")]
    private static partial void LogGenerated(ILogger logger, string userName, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the first admin {UserName} from Dashboard:Auth:InitialAdmin")]
    private static partial void LogConfigured(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not look for the first admin yet; asking the history database again every {Interval}")]
    private static partial void LogNotYet(ILogger logger, TimeSpan interval);
}
