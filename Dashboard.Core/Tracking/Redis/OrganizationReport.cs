namespace Dashboard.Core.Tracking.Redis;

/// <summary>
/// What a shard tells an organization's home shard: the organization's users in it, at the shard's version of that
/// count (TAG:c 'ver'), so that the home keeps the newest report of each shard (organizations.lua).
/// </summary>
internal readonly record struct OrganizationReport(string Organization, long Version, long Users);
