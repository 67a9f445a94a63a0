-- Runs on the home shard of a set of organizations: applies their users per shard as the shards reported them,
-- then returns the home's share of the ranking.
-- ARGV[1]: how many organizations to return; ARGV[2]: 1 when the reports are every shard's full ones
-- (report_all.lua), else 0; ARGV[3]: how many shards, then each shard's epoch as the poll read it; then 4 per
-- report: organization, shard, version, users.
-- Returns { ranking version, organizations with users at this home, { organization, -users, ... } most users
-- first, ties by id, 1 when this home needs every shard's full reports (else 0) }. The version (TAG:c 'rank') moves
-- whenever the ranking changes, so a poller that holds the ranking of a version need not read it again.
--
-- After a data loss (a restart without persistence, one node of a cluster): a shard whose epoch is newer than the one
-- kept here (TAG:oe) lost its data, so what it reported before no longer holds and is forgotten; a report from an
-- older epoch than the one kept is late and ignored. A home without epochs (new, or its own data lost) lacks what
-- shards reported before and will not report again until counts change: it asks for every shard's full reports, and
-- keeps the epochs once it has them.
local RANKING, EPOCHS = tag .. ':ot', tag .. ':oe'
-- A home forgets an organization's reports an hour after its last user left: long enough that no late report
-- from before that can bring it back.
local FORGET_AFTER_SECONDS = 3600
local top, full, shards = tonumber(ARGV[1]), ARGV[2] == '1', tonumber(ARGV[3])

local changed = false
local function count_again(organization)
  local key = tag .. ':os:' .. organization
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

local known_epochs = {}
local kept = redis.call('HGETALL', EPOCHS)
for i = 1, #kept, 2 do known_epochs[kept[i]] = kept[i + 1] end
local needs_full = not full and #kept == 0
local late, lost = {}, {}
if not needs_full then
  for shard = 0, shards - 1 do
    local epoch, known = ARGV[4 + shard], known_epochs[tostring(shard)]
    if known and tonumber(epoch) < tonumber(known) then
      late[tostring(shard)] = true
    elseif epoch ~= known then
      if known then lost[#lost + 1] = tostring(shard) end
      redis.call('HSET', EPOCHS, tostring(shard), epoch)
    end
  end
end

if #lost > 0 then
  for _, organization in ipairs(redis.call('ZRANGE', RANKING, 0, -1)) do
    if redis.call('HDEL', tag .. ':os:' .. organization, unpack(lost)) > 0 then count_again(organization) end
  end
end

for i = 4 + shards, #ARGV, 4 do
  local organization, shard, version, users = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
  local key = tag .. ':os:' .. organization
  local known = redis.call('HGET', key, shard)
  if not late[shard] and (not known or tonumber(string.match(known, '^(%d+):')) < version) then
    -- string.format keeps a version's digits; '..' would write one above 14 digits in exponent form.
    redis.call('HSET', key, shard, string.format('%d:%d', version, users))
    count_again(organization)
  end
end

local ranking_version = changed and redis.call('HINCRBY', COUNTS, 'rank', 1) or tonumber(redis.call('HGET', COUNTS, 'rank') or 0)
return { ranking_version, redis.call('ZCARD', RANKING), redis.call('ZRANGE', RANKING, 0, top - 1, 'WITHSCORES'), needs_full and 1 or 0 }
