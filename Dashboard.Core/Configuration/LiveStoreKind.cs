namespace Dashboard.Core.Configuration;

/// <summary>Where live activity is kept (<c>Dashboard:LiveStore</c>).</summary>
public enum LiveStoreKind
{
    /// <summary>In this process's memory: zero set-up, one instance only.</summary>
    InProcess,

    /// <summary>Redis or Redis Cluster at <c>ConnectionStrings:Redis</c>: shared by every instance.</summary>
    Redis,
}
