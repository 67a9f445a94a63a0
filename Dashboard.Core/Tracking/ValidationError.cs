namespace Dashboard.Core.Tracking;

/// <summary>One problem with one field of the input, named as the API names it.</summary>
public sealed record ValidationError(string Field, string Message);
