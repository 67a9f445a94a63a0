using System.Diagnostics.CodeAnalysis;
using Dashboard.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Api;

/// <summary>A request body as <see cref="JsonBody"/> read it: the value, or the error envelope that says why there is none.</summary>
public sealed class JsonBodyRead<T>
    where T : class
{
    internal JsonBodyRead(T value)
    {
        Value = value;
        Succeeded = true;
    }

    internal JsonBodyRead(JsonHttpResult<ApiError> error) => Error = error;

    public T? Value { get; }

    public JsonHttpResult<ApiError>? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; }
}
