using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PersonAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Dashboard.Web.Api.Contracts.ApiEnvelope<Dashboard.Web.Api.Contracts.UserData>>,
    Microsoft.AspNetCore.Http.HttpResults.Created<Dashboard.Web.Api.Contracts.ApiEnvelope<Dashboard.Web.Api.Contracts.UserData>>,
    Microsoft.AspNetCore.Http.HttpResults.BadRequest<Dashboard.Web.Api.Contracts.ApiError>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound<Dashboard.Web.Api.Contracts.ApiError>,
    Microsoft.AspNetCore.Http.HttpResults.Conflict<Dashboard.Web.Api.Contracts.ApiError>,
    Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<Dashboard.Web.Api.Contracts.ApiError>>;

namespace Dashboard.Web.Api;

/// <summary>
/// People, for admins and <c>admin</c> keys: list, create with a role, change the role, reset a password (to be changed
/// at the next sign-in), disable. <c>DELETE</c> disables: the row stays so what the person did still names them.
/// Disabling or demoting the last enabled admin is a 409.
/// </summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/users", ListAsync).WithSummary("The people who may sign in, with their roles");
        group.MapPost("/users", CreateAsync)
            .AcceptsJson<UserRequest>()
            .WithSummary("Add a person: {user_name, password, role} (role viewer or admin)");
        group.MapPut("/users/{userName}", ChangeAsync)
            .AcceptsJson<UserChangeRequest>()
            .WithSummary("Change a person: {role?, password?, disabled?}; a new password must be changed at the next sign-in");
        group.MapDelete("/users/{userName}", DisableAsync)
            .WithSummary("Disable a person: they can no longer sign in, and their cookie stops working at their next request");
        return group;
    }

    private static async Task<Ok<ApiEnvelope<List<UserData>>>> ListAsync(PeopleAdministration people, CancellationToken cancellationToken) =>
        ApiResults.Ok((await people.ListAsync(cancellationToken)).Select(UserData.From).ToList());

    private static async Task<PersonAnswer> CreateAsync(
        HttpRequest request, PeopleAdministration people, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UserRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        return body.Succeeded
            ? Answer(await people.CreateAsync(body.Value.UserName, body.Value.Password, body.Value.Role, AuditActors.Of(request.HttpContext)), body.Value.UserName, created: true)
            : body.Error;
    }

    private static async Task<PersonAnswer> ChangeAsync(
        string userName, HttpRequest request, PeopleAdministration people, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UserChangeRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        return body.Succeeded
            ? Answer(await people.ChangeAsync(userName, body.Value.Role, body.Value.Password, body.Value.Disabled, AuditActors.Of(request.HttpContext)), userName, created: false)
            : body.Error;
    }

    private static async Task<PersonAnswer> DisableAsync(
        string userName, HttpContext http, PeopleAdministration people) =>
        Answer(await people.ChangeAsync(userName, role: null, password: null, disabled: true, AuditActors.Of(http)), userName, created: false);

    private static PersonAnswer Answer(
        PersonChange change, string? userName, bool created) => change.Outcome switch
    {
        PersonChangeOutcome.Done when created =>
            // No Location: a person is read through the list, not at an address of their own.
            TypedResults.Created((string?)null, new ApiEnvelope<UserData>(UserData.From(change.User!))),
        PersonChangeOutcome.Done => ApiResults.Ok(UserData.From(change.User!)),
        PersonChangeOutcome.Invalid => ApiResults.Invalid(change.Errors),
        PersonChangeOutcome.AlreadyExists => ApiResults.Conflict("User exists", $"There is already a user {userName}."),
        PersonChangeOutcome.LastAdmin => ApiResults.Conflict("Last admin", PersonChange.LastAdminMessage),
        _ => ApiResults.NotFound("User not found", $"There is no user {userName}."),
    };
}
