using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Storage;

/// <summary>The browser's <c>localStorage</c> through JS interop.</summary>
public sealed class LocalStorage(IJSRuntime js) : ILocalStorage
{
    public Task<string?> GetAsync(string key) => js.InvokeAsync<string?>("localStorage.getItem", key).AsTask();

    public Task SetAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value).AsTask();
}
