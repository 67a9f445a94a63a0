using System.Net;

namespace Dashboard.Client;

/// <summary>The server refused or failed a call: its status and the error envelope's message, details and field errors.</summary>
public sealed class ConcurrentUsersApiException : Exception
{
    public ConcurrentUsersApiException(
        HttpStatusCode statusCode, string error, string? details = null, IReadOnlyList<ApiFieldError>? errors = null)
        : base(string.IsNullOrEmpty(details) ? error : $"{error}: {details}")
    {
        StatusCode = statusCode;
        Error = error;
        Details = details;
        Errors = errors ?? [];
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The envelope's <c>error</c>, e.g. "Invalid input" or "Live store is unavailable".</summary>
    public string Error { get; }

    /// <summary>The envelope's <c>details</c>: what exactly went wrong.</summary>
    public string? Details { get; }

    /// <summary>How long the server asked to wait before the next try (its <c>Retry-After</c>: a rate limit's 429, a busy 503).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For input errors, every problem, one per field.</summary>
    public IReadOnlyList<ApiFieldError> Errors { get; }
}
