using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Data.Storage;

/// <summary>Stores an enum as its lower-case name ("minute", "acknowledged"), as the spec's columns read.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    value => Enum.Parse<TEnum>(value, true))
    where TEnum : struct, Enum;
