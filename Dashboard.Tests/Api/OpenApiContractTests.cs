using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Api;

/// <summary>
/// The OpenAPI document against the API: every operation answers only statuses the document declares, to a valid and
/// an invalid example and to a few hundred seeded random requests (strings, unicode, control characters, huge and
/// negative numbers, wrong JSON types); no input gets a 5xx, and every error is the JSON envelope.
/// The SSE stream (<c>realtime</c>) is left out: it does not end.
/// </summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private const int Seed = 1414;
    private const int FuzzRequests = 400;

    // A valid body for each operation that takes one; the document declares the shapes, these fill them sensibly.
    private static readonly Dictionary<string, string> ValidBodies = new(StringComparer.Ordinal)
    {
        ["POST /track"] = """{"userId":"u1","organizationId":"org-1","sessionId":"s1","moduleId":"tax","userAgent":"curl","ipAddress":"10.0.0.1","responseTimeMs":12,"isError":false}""",
        ["POST /beacon"] = """{"userId":"u1","organizationId":"org-1","sessionId":"s1","moduleId":"tax"}""",
        ["POST /track/batch"] = """{"activities":[{"userId":"u2","organizationId":"org-1","sessionId":"s2","moduleId":"tax"}]}""",
        ["POST /alerts/{id}/acknowledge"] = """{"note":"looking"}""",
        ["PUT /alerts/rules/{id}"] = """{"kind":"high_concurrency","scope":"module:tax","threshold":10,"severity":"warning","for_polls":2,"enabled":true}""",
        ["POST /users"] = """{"user_name":"ana","password":"twelve-characters-at-least","role":"viewer"}""",
        ["PUT /users/{userName}"] = """{"role":"admin"}""",
        ["POST /api-keys"] = """{"name":"exporter","scopes":["read"]}""",
    };

    private static readonly string[] Alphabets =
    [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "._:@-",
        " !\"#$%&'()*+,/;<=>?[\\]^`{|}~",
        "\u0000\u0001\u0007\u0008\u0009\u000a\u000d\u001b\u001f\u007f",
        "éüßØ日本語עברית\u202e\ufeff\u200b",
        "🙂👩‍💻",
        "0123456789-+.eE",
    ];

    private readonly DashboardApp _app = new();
    private HttpClient _client = null!;
    private List<Operation> _operations = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        _document = document;
        _operations = [.. Operation.All(document).Where(operation => !operation.Path.EndsWith("/realtime", StringComparison.Ordinal))];
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public void Document_EveryOperationWithABody_DeclaresItAndItsErrors()
    {
        var withBodies = _operations.Where(operation => operation.HasBody).Select(operation => operation.Key).Order();

        Assert.Equal(ValidBodies.Keys.Order(), withBodies);
        Assert.All(_operations.Where(operation => operation.HasBody),
            operation =>
            {
                Assert.Superset(new HashSet<int> { 400, 413, 415 }, operation.Statuses);
                Assert.Contains(operation.Statuses, status => status is 200 or 201);
            });
    }

    [Fact]
    public void Document_DeclaresTheKeyCookieAndSiteKeySchemes_AndEachOperationsRequirement()
    {
        var schemes = _document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), Scheme(schemes.GetProperty("apiKey")));
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(("apiKey", "cookie", "dashboard.auth"), Scheme(schemes.GetProperty("cookie")));
        Assert.Equal(("apiKey", "query", "key"), Scheme(schemes.GetProperty("siteKey")));

        foreach (var (path, item) in _document.GetProperty("paths").EnumerateObject().Select(path => (path.Name, path.Value)))
        {
            foreach (var operation in item.EnumerateObject().Where(member => member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("responses", out _)))
            {
                var alternatives = operation.Value.GetProperty("security").EnumerateArray()
                    .Select(requirement => string.Join("+", requirement.EnumerateObject().Select(scheme => scheme.Name)))
                    .Order();
                string[] expected = path.EndsWith("/beacon", StringComparison.Ordinal) ? ["siteKey"] : ["apiKey", "bearer", "cookie"];
                Assert.True(expected.SequenceEqual(alternatives), $"{operation.Name} {path}: {string.Join(", ", alternatives)}");
            }
        }

        static (string?, string?, string?) Scheme(JsonElement scheme) =>
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task EveryOperation_ValidExample_AnswersADeclaredSuccess()
    {
        foreach (var operation in _operations)
        {
            var (status, text) = await SendAsync(operation, parameter => parameter.ValidExample(), ValidBodies.GetValueOrDefault(operation.Key));

            // A valid id that names nothing (no alert 1 yet, no rule r1 changed) is a declared 404, not a failure.
            Assert.True(status is 200 or 201 || (status == 404 && operation.Statuses.Contains(404)), $"{operation.Key}: {status} {text}");
        }
    }

    [Fact]
    public async Task EveryOperation_InvalidExample_AnswersADeclared4xxEnvelope()
    {
        foreach (var operation in _operations.Where(operation => operation.Parameters.Count > 0 || operation.HasBody))
        {
            var (status, text) = await SendAsync(operation, parameter => parameter.InvalidExample(), operation.HasBody ? """{"userId":12,"kind":7}""" : null);

            Assert.True(status is >= 400 and < 500 && operation.Statuses.Contains(status), $"{operation.Key}: {status} {text}");
            AssertEnvelope(operation, status, text);
        }
    }

    [Fact]
    public async Task RandomRequests_Seeded_NeverAnswer5xxAndAlwaysTheEnvelope()
    {
        var random = new Random(Seed);
        for (var i = 0; i < FuzzRequests; i++)
        {
            var operation = _operations[random.Next(_operations.Count)];
            var body = operation.HasBody ? RandomBody(random, ValidBodies[operation.Key]) : null;

            var (status, text) = await SendAsync(operation, parameter => random.Next(4) == 0 ? parameter.ValidExample() : RandomValue(random), body);

            Assert.True(status < 500, $"request {i}, {operation.Key}: {status} {text}");
            // A path parameter that empties or climbs out of its segment ("", "..") makes another path, which matches no
            // operation (404) or another method's (405): the envelope, though not this operation's answer.
            Assert.True(operation.Statuses.Contains(status) || (status is 404 or 405 && operation.Path.Contains('{', StringComparison.Ordinal)),
                $"request {i}, {operation.Key}: {status} is not declared. {text}");
            AssertEnvelope(operation, status, text);
        }
    }

    private static void AssertEnvelope(Operation operation, int status, string text)
    {
        if (status < 400)
        {
            return;
        }

        var body = JsonDocument.Parse(text[..text.LastIndexOf(" (sent ", StringComparison.Ordinal)]).RootElement;
        Assert.False(body.GetProperty("success").GetBoolean(), $"{operation.Key}: {text}");
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
    }

    private async Task<(int Status, string Text)> SendAsync(Operation operation, Func<Parameter, string?> value, string? body)
    {
        var (status, text, uri) = await SendWithUriAsync(operation, value, body);
        return (status, $"{text} (sent {operation.Method} {uri} {body})");
    }

    private async Task<(int Status, string Text, string Uri)> SendWithUriAsync(Operation operation, Func<Parameter, string?> value, string? body)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var text = value(parameter);
            if (parameter.In == "path")
            {
                // Kestrel refuses a NUL in the path before the app sees it; the in-memory server cannot send one at all.
                var segment = (text ?? "").Replace("\0", "", StringComparison.Ordinal);
                path = path.Replace($"{{{parameter.Name}}}", Uri.EscapeDataString(segment), StringComparison.Ordinal);
            }
            else if (text is not null)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(text)}");
            }
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Count > 0 ? $"{path}?{string.Join('&', query)}" : path);
        // A beacon comes from a page of its site key's origin.
        request.Headers.Add("Origin", TestApiKeys.SiteOrigin);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), request.RequestUri!.OriginalString);
    }

    private static string? RandomValue(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => RandomNumber(random),
        _ => RandomString(random),
    };

    private static string RandomNumber(Random random) => random.Next(6) switch
    {
        0 => "2147483648",
        1 => "-1",
        2 => "99999999999999999999999",
        3 => random.NextDouble().ToString(CultureInfo.InvariantCulture),
        4 => "1e308",
        _ => random.Next(-10, 1000).ToString(CultureInfo.InvariantCulture),
    };

    private static string RandomString(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(200, 3000) : random.Next(0, 16);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            var alphabet = Alphabets[random.Next(Alphabets.Length)];
            var at = random.Next(alphabet.Length);
            // Never half a surrogate pair: the request could not be encoded at all.
            text.Append(char.IsHighSurrogate(alphabet[at]) ? alphabet.Substring(at, 2) : char.IsLowSurrogate(alphabet[at]) ? "x" : alphabet[at]);
        }

        return text.ToString();
    }

    private static JsonNode? RandomJson(Random random, int depth = 0) => random.Next(depth > 1 ? 5 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonNode.Parse(RandomNumber(random).TrimStart('+')),
        3 => JsonValue.Create(-random.NextDouble() * 1e6),
        4 => JsonValue.Create(RandomString(random)),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => RandomJson(random, depth + 1))]),
        _ => new JsonObject { ["x"] = RandomJson(random, depth + 1) },
    };

    // The valid body with some of its fields (at any depth) replaced by random JSON; now and then not JSON at all.
    private static string RandomBody(Random random, string valid)
    {
        if (random.Next(10) == 0)
        {
            return RandomString(random);
        }

        var body = JsonNode.Parse(valid)!;
        Mutate(body, random);
        return body.ToJsonString();
    }

    private static void Mutate(JsonNode node, Random random)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(property => property.Key).ToList())
            {
                if (random.Next(3) == 0)
                {
                    obj[name] = RandomJson(random);
                }
                else if (obj[name] is { } child)
                {
                    Mutate(child, random);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>())
            {
                Mutate(child, random);
            }
        }
    }

    private sealed record Parameter(string Name, string In, JsonElement Schema)
    {
        public string? ValidExample()
        {
            if (Schema.TryGetProperty("enum", out var values))
            {
                return values[0].GetString();
            }

            if (Schema.TryGetProperty("minimum", out var minimum))
            {
                return minimum.GetRawText();
            }

            if (Schema.TryGetProperty("format", out var format) && format.GetString() == "int64")
            {
                return "1";
            }

            if (Name == "key")
            {
                return TestApiKeys.Site;
            }

            // Optional query parameters are left out: together they may conflict (module and organization).
            return In == "path" ? "tax" : null;
        }

        public string InvalidExample()
        {
            if (Schema.TryGetProperty("enum", out _))
            {
                return "not-one-of-them";
            }

            if (Schema.TryGetProperty("minimum", out _) || Schema.TryGetProperty("format", out _))
            {
                return "abc";
            }

            return Schema.TryGetProperty("pattern", out _) ? "bad id!" : "0001-01-01T00:00:00Z";
        }
    }

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, bool HasBody, HashSet<int> Statuses)
    {
        public string Key => $"{Method} {Path[DashboardApp.Api.Length..]}";

        public static IEnumerable<Operation> All(JsonElement document) =>
            from path in document.GetProperty("paths").EnumerateObject()
            from operation in path.Value.EnumerateObject()
            select new Operation(
                operation.Name.ToUpperInvariant(),
                path.Name,
                operation.Value.TryGetProperty("parameters", out var parameters)
                    ? [.. parameters.EnumerateArray().Select(parameter => new Parameter(
                        parameter.GetProperty("name").GetString()!, parameter.GetProperty("in").GetString()!, parameter.GetProperty("schema")))]
                    : [],
                operation.Value.TryGetProperty("requestBody", out _),
                operation.Value.GetProperty("responses").EnumerateObject().Select(response => int.Parse(response.Name, CultureInfo.InvariantCulture)).ToHashSet());
    }
}
