-- Claims sessions for their users on the shard that is their sessions' home (by session id, not user id: the two
-- users of one session id may live on different shards). All or nothing: when any activity names a session that
-- another user holds, nothing is claimed and the places of those activities are returned.
-- ARGV[1]: now (Unix ms); ARGV[2]: the session TTL (ms); ARGV[3]: '1' to claim, '0' only to check; then one per
-- activity: "place|session|user|active (1/0)".
local now, ttl, claim = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
local taken, owners, changes = {}, {}, {}
for i = 4, #ARGV do
  local place, session, user, active = string.match(ARGV[i], '^([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
  local owner = owners[session]
  if owner == nil then
    owner = redis.call('HGET', SESSION_OWNERS, session)
    -- A session silent for longer than the TTL is over: anyone may open one with its id.
    if owner and tonumber(redis.call('ZSCORE', SESSION_CLAIMS, session) or '0') < now - ttl then owner = false end
  end
  if owner and owner ~= user then
    taken[#taken + 1] = tonumber(place)
  else
    owners[session] = active == '1' and user or false
    changes[#changes + 1] = { session, user, active }
  end
end
if #taken > 0 or not claim then return taken end
for _, change in ipairs(changes) do
  local session, user, active = change[1], change[2], change[3]
  if active == '1' then
    redis.call('HSET', SESSION_OWNERS, session, user)
    -- A late heartbeat from another instance never moves the claim back.
    redis.call('ZADD', SESSION_CLAIMS, 'GT', now, session)
  else
    redis.call('HDEL', SESSION_OWNERS, session)
    redis.call('ZREM', SESSION_CLAIMS, session)
  end
end
return taken
