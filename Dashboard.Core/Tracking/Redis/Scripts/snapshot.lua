-- A shard's part of the poll snapshot. ARGV[1]: start of the activity window (Unix ms); ARGV[2]: the highest
-- TAG:od version whose organizations a home shard has applied (0 when none).
-- Returns { users, sessions, { module, users, ... }, { organization, version, users, ... }, ranking version, epoch }
-- where the fourth part is what the organizations' home shards have not applied yet, the fifth the version of this
-- shard's own ranking as a home (see organizations.lua), and the last this shard's epoch (TAG:c 'epoch'); or 0 while
-- many users stop counting: call again.
redis.call('ZREMRANGEBYSCORE', DIRTY, '-inf', ARGV[2])
local _, expired = expire(tonumber(ARGV[1]))
if not expired then return 0 end

local changed = {}
local dirty = redis.call('ZRANGE', DIRTY, 0, -1, 'WITHSCORES')
for i = 1, #dirty, 2 do
  changed[#changed + 1] = dirty[i]
  changed[#changed + 1] = dirty[i + 1]
  changed[#changed + 1] = redis.call('HGET', ORGANIZATION_USERS, dirty[i]) or 0
end

local totals = redis.call('HMGET', COUNTS, 'users', 'sessions', 'rank')
return { tonumber(totals[1] or 0), tonumber(totals[2] or 0), redis.call('HGETALL', MODULE_USERS), changed, tonumber(totals[3] or 0), shard_epoch() }
