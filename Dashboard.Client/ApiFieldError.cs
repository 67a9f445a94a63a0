namespace Dashboard.Client;

/// <summary>One problem with one field of the input, named as the API names it.</summary>
public sealed record ApiFieldError(string Field, string Message);
