-- Runs on the home shard of a set of organizations: applies their users per shard as the shards reported them,
-- then returns the home's share of the ranking.
-- ARGV[1]: how many organizations to return; then 4 per report: organization, shard, version, users.
-- Returns { ranking version, organizations with users at this home, { organization, -users, ... } most users
-- first, ties by id }. The version (TAG:c 'rank') moves whenever the ranking changes, so a poller that holds the
-- ranking of a version need not read it again.
local RANKING = tag .. ':ot'
-- A home forgets an organization's reports an hour after its last user left: long enough that no late report
-- from before that can bring it back.
local FORGET_AFTER_SECONDS = 3600

local changed = false
for i = 2, #ARGV, 4 do
  local organization, shard, version, users = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
  local key = tag .. ':os:' .. organization
  local known = redis.call('HGET', key, shard)
  if not known or tonumber(string.match(known, '^(%d+):')) < version then
    -- string.format keeps a version's digits; '..' would write one above 14 digits in exponent form.
    redis.call('HSET', key, shard, string.format('%d:%d', version, users))
    local total = 0
    for _, report in ipairs(redis.call('HVALS', key)) do total = total + tonumber(string.match(report, ':(%d+)$')) end
    changed = true
    if total > 0 then
      redis.call('ZADD', RANKING, -total, organization)
      redis.call('PERSIST', key)
    else
      redis.call('ZREM', RANKING, organization)
      redis.call('EXPIRE', key, FORGET_AFTER_SECONDS)
    end
  end
end

local ranking_version = changed and redis.call('HINCRBY', COUNTS, 'rank', 1) or tonumber(redis.call('HGET', COUNTS, 'rank') or 0)
return { ranking_version, redis.call('ZCARD', RANKING), redis.call('ZRANGE', RANKING, 0, tonumber(ARGV[1]) - 1, 'WITHSCORES') }
