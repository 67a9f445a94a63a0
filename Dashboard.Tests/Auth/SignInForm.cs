using System.Text.RegularExpressions;

namespace Dashboard.Tests.Auth;

/// <summary>Fills and posts a static server-rendered form as a browser does: with its antiforgery token and form name.</summary>
internal static partial class SignInForm
{
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string path = "/login") =>
        PostAsync(client, path, "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        var token = Token().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}:\n{page}");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        fields["_handler"] = formName;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
