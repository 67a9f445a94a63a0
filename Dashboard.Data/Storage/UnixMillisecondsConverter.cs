using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Data.Storage;

/// <summary>
/// Stores a time as Unix milliseconds. SQLite has no time type, and EF's default there (text) can be neither
/// compared nor ordered in queries; integers can, and raw SQL sees the same values.
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
