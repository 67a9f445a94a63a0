-- Every organization this shard counts users in, for home shards without the reports of before (organizations.lua).
-- Returns { version, { organization, users, ... } }: the version of the latest change here, so that any later change
-- is reported above it.
return { tonumber(redis.call('HGET', COUNTS, 'ver') or 0), redis.call('HGETALL', ORGANIZATION_USERS) }
