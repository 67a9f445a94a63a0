namespace Dashboard.Web.Components.Storage;

/// <summary>
/// This browser's local storage (scoped to a circuit), by the keys in <see cref="BrowserStorageKeys"/>. Only usable
/// once the circuit is interactive (from OnAfterRenderAsync or an event handler).
/// </summary>
public interface ILocalStorage
{
    Task<string?> GetAsync(string key);

    Task SetAsync(string key, string value);
}
