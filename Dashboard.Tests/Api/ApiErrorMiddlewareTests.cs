using System.Text.Json;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Api;

public sealed class ApiErrorMiddlewareTests
{
    [Fact]
    public async Task Invoke_EndpointThrows_Answers500EnvelopeWithoutTheException()
    {
        var middleware = new ApiErrorMiddleware(_ => throw new InvalidOperationException("secret internals"), NullLogger<ApiErrorMiddleware>.Instance);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }
}
