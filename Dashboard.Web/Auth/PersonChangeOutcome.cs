namespace Dashboard.Web.Auth;

/// <summary>How a change to a person ended.</summary>
public enum PersonChangeOutcome
{
    Done,
    Invalid,
    NotFound,
    AlreadyExists,

    /// <summary>Refused: it would leave no enabled admin, and nobody could manage people any more.</summary>
    LastAdmin,
}
