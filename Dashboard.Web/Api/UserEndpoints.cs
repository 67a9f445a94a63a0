using Dashboard.Web.Api.Contracts;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// People, for admins and <c>admin</c> keys: list, create with a role, change the role, reset a password (to be changed
/// at the next sign-in), disable. <c>DELETE</c> disables: the row stays so what the person did still names them.
/// </summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/users", ListAsync).WithSummary("The people who may sign in, with their roles");
        group.MapPost("/users", CreateAsync)
            .Produces<ApiEnvelope<UserData>>(StatusCodes.Status201Created)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .WithSummary("Add a person: {user_name, password, role} (role viewer or admin)");
        group.MapPut("/users/{userName}", ChangeAsync)
            .Produces<ApiEnvelope<UserData>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .WithSummary("Change a person: {role?, password?, disabled?}; a new password must be changed at the next sign-in");
        group.MapDelete("/users/{userName}", DisableAsync)
            .Produces<ApiEnvelope<UserData>>()
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .WithSummary("Disable a person: they can no longer sign in");
        return group;
    }

    private static async Task<IResult> ListAsync(PeopleAdministration people, CancellationToken cancellationToken) =>
        ApiResults.Ok((await people.ListAsync(cancellationToken)).Select(UserData.From).ToList());

    private static async Task<IResult> CreateAsync(
        HttpRequest request, PeopleAdministration people, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<UserRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        return error ?? Answer(await people.CreateAsync(body!.UserName, body.Password, body.Role), body.UserName, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ChangeAsync(
        string userName, HttpRequest request, PeopleAdministration people, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<UserChangeRequest>(request, 16 * 1024, json.Value.SerializerOptions, cancellationToken);
        return error ?? Answer(await people.ChangeAsync(userName, body!.Role, body.Password, body.Disabled), userName, StatusCodes.Status200OK);
    }

    private static async Task<IResult> DisableAsync(string userName, PeopleAdministration people) =>
        Answer(await people.ChangeAsync(userName, role: null, password: null, disabled: true), userName, StatusCodes.Status200OK);

    private static IResult Answer(PersonChange change, string? userName, int doneStatus) => change.Outcome switch
    {
        PersonChangeOutcome.Done => TypedResults.Json(new ApiEnvelope<UserData>(UserData.From(change.User!)), statusCode: doneStatus),
        PersonChangeOutcome.Invalid => ApiResults.Invalid(change.Errors),
        PersonChangeOutcome.AlreadyExists => ApiResults.Error(StatusCodes.Status409Conflict, "User exists", $"There is already a user {userName}."),
        _ => ApiResults.Error(StatusCodes.Status404NotFound, "User not found", $"There is no user {userName}."),
    };
}
