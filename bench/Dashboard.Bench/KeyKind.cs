namespace Dashboard.Bench;

/// <summary>One kind of Redis key of the live store and what all keys of that kind cost.</summary>
internal sealed class KeyKind(string name, string encoding)
{
    public string Name { get; } = name;

    /// <summary>The encoding of the first key of the kind that was seen.</summary>
    public string Encoding { get; } = encoding;

    public long Keys { get; set; }

    public long Bytes { get; set; }
}
