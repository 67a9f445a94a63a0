namespace Dashboard.Web.Auth;

/// <summary>How a change to a person ended.</summary>
public enum PersonChangeOutcome
{
    Done,
    Invalid,
    NotFound,
    AlreadyExists,
}
