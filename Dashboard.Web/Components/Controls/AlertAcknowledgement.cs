using Dashboard.Core.Alerts;
using Dashboard.Web.Auth;
using Dashboard.Web.Live;
using MudBlazor;

namespace Dashboard.Web.Components.Controls;

/// <summary>
/// Acknowledging an alert from a page: the note asked in <see cref="AcknowledgeDialog"/>, the acknowledgement made as
/// whoever is signed in (the button is only shown to admins), and its outcome told in a snackbar. The alerts page and
/// the status strip both acknowledge this way.
/// </summary>
public sealed class AlertAcknowledgement(IDialogService dialogs, AlertManagement management, CircuitAuditActor actor, ISnackbar snackbar)
{
    /// <summary>Whether the person went through with it (the alert may have resolved meanwhile; the snackbar says so).</summary>
    public async Task<bool> AskAndAcknowledgeAsync(AlertRecord alert)
    {
        var dialog = await dialogs.ShowAsync<AcknowledgeDialog>("Acknowledge alert", new DialogParameters<AcknowledgeDialog>
        {
            { dialog => dialog.Alert, alert },
        });
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return false;
        }

        var (outcome, _) = await management.AcknowledgeAsync(alert.Id, await actor.GetAsync(), note);
        snackbar.Add(
            outcome == AcknowledgeOutcome.Acknowledged ? $"Alert {alert.Id} acknowledged." : $"Alert {alert.Id} was no longer active.",
            outcome == AcknowledgeOutcome.Acknowledged ? Severity.Success : Severity.Warning);
        return true;
    }
}
