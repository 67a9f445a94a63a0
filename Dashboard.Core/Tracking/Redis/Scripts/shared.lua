-- Prepended to every script. KEYS[1] is a shard's hash tag such as {cu:7}: every key a script touches starts
-- with it, so one call stays inside one Redis Cluster hash slot.
--
-- A shard holds the users whose id hashes to it (their sessions and what they count towards):
--   TAG:r            user id -> the user's sessions, ' '-separated, each
--                    "session|module|organization|started_ms|last_ms|ip|agent" (ids hold neither ' ' nor '|';
--                    agent: '' or an id in TAG:a). One hash entry per user is most of the memory a user costs.
--   TAG:u            users, scored by their latest activity: the listing's order and the expiry of whole users
--   TAG:x            users with two or more counted sessions, scored by the oldest of them: what the expiry must
--                    also visit (a single counted session expires with its user in TAG:u)
--   TAG:c            'users', 'sessions' (counted now), 'cut' (the window start counted up to), 'ver' (see TAG:od),
--                    'epoch' (when this shard's data began, see shard_epoch: it changes only when the data is lost)
--   TAG:cm, TAG:cs   module -> counted users / sessions;  TAG:co  organization -> counted users
--   TAG:mo:<module>  organization -> counted users of the module in it (the drill-down of both)
--   TAG:oi:<org>     the organization's counted users (scores unused): the listing's index for one organization
--   TAG:a, TAG:ac    agent id -> user agent / how many sessions hold it; thousands of sessions share a few
--                    browsers' agents (~110 bytes each), so each is kept once per shard.
--   TAG:od           organizations whose count here changed, scored by the TAG:c 'ver' of the change; the poll
--                    sends them to their home shard and then forgets what the home has applied.
--
-- Counting is incremental: a session counts while its last activity is at or after 'cut', and the counters
-- always equal what the counted sessions give. Reading first moves 'cut' to the window's start (expire below),
-- which visits only the users that stop counting, so a read costs what changed, not what is active.
--
-- A shard is also the home of the organizations whose id hashes to it, where their counts over all shards meet:
--   TAG:os:<org>     user shard -> "ver:users" as that shard last reported it (versions keep late reports out)
--   TAG:ot           organizations with users, scored by minus their users (ascending = most users, then by id)
--   TAG:oe           user shard -> its 'epoch' when this home last heard from it: reports from before a shard lost
--                    its data are forgotten (organizations.lua)
--
--   TAG:h:<module>:<minute>  response-time histogram of a module's requests in one minute (minutes since the
--                    epoch): latency bucket index -> requests, and 'e' -> errors; expires after
--                    HISTOGRAM_TTL_SECONDS, which RedisScripts puts in front from LatencyHistogram.KeptLive.
--   TAG:hm           modules with requests, scored by the last one (the index of the histograms)
--   TAG:mk           (shard 0 only) the modules counted by name, at most Dashboard:Tracking:MaxModules; activity for
--                    any other is recorded under 'other' before it reaches a script (admit_modules.lua, ModuleBound)
--
-- A shard is also the home of the session ids that hash to it, where a session's owner is kept (claim.lua):
--   TAG:so           session id -> the user who opened it; another user's heartbeat for it is refused
--   TAG:sc           session ids, scored by their owner's latest heartbeat: a claim older than the session TTL is
--                    void, and the cleanup removes it from both keys (trim.lua)
local tag = KEYS[1]
local RECORDS, USERS, MULTI, COUNTS = tag .. ':r', tag .. ':u', tag .. ':x', tag .. ':c'
local MODULE_USERS, MODULE_SESSIONS, ORGANIZATION_USERS = tag .. ':cm', tag .. ':cs', tag .. ':co'
local AGENTS, AGENT_USES, DIRTY = tag .. ':a', tag .. ':ac', tag .. ':od'
local SESSION_OWNERS, SESSION_CLAIMS = tag .. ':so', tag .. ':sc'
local HISTOGRAM_MODULES = tag .. ':hm'

local function module_organizations(module) return tag .. ':mo:' .. module end
local function organization_index(organization) return tag .. ':oi:' .. organization end
local function histogram(module, minute) return tag .. ':h:' .. module .. ':' .. minute end

local function histogram_at(module, now) return histogram(module, math.floor(tonumber(now) / 60000)) end

-- After a write to a histogram (EXPIRE needs the key to exist): keeps it its lifetime and indexes its module.
local function keep_histogram(key, module, now)
  redis.call('EXPIRE', key, HISTOGRAM_TTL_SECONDS)
  redis.call('ZADD', HISTOGRAM_MODULES, 'GT', now, module)
end

-- { id, module, organization, started, last, ip, agent } per session; times stay strings until compared.
local function parse_record(record)
  local sessions = {}
  if not record then return sessions end
  for entry in string.gmatch(record, '[^ ]+') do
    local fields = {}
    for field in string.gmatch(entry .. '|', '([^|]*)|') do fields[#fields + 1] = field end
    sessions[#sessions + 1] = fields
  end
  return sessions
end

local function format_record(sessions)
  local entries = {}
  for i, fields in ipairs(sessions) do entries[i] = table.concat(fields, '|') end
  return table.concat(entries, ' ')
end

-- What a user's sessions count towards while their last activity is at or after `cut`: modules (with how many
-- sessions), organizations and "module|organization" pairs, and the oldest counted activity.
local function counted(sessions, cut)
  local presence = { sessions = 0, modules = {}, organizations = {}, pairs = {} }
  for _, fields in ipairs(sessions) do
    local last = tonumber(fields[5])
    if last >= cut then
      local module, organization = fields[2], fields[3]
      presence.sessions = presence.sessions + 1
      presence.modules[module] = (presence.modules[module] or 0) + 1
      presence.organizations[organization] = true
      presence.pairs[module .. '|' .. organization] = true
      if not presence.oldest or last < presence.oldest then presence.oldest = last end
    end
  end
  return presence
end

local function add_to(key, field, delta)
  if redis.call('HINCRBY', key, field, delta) <= 0 then redis.call('HDEL', key, field) end
end

-- Calls change(member, -1) for each member only `before` has, and change(member, 1) for each only `after` has.
local function each_change(before, after, change)
  for member in pairs(before) do if not after[member] then change(member, -1) end end
  for member in pairs(after) do if not before[member] then change(member, 1) end end
end

-- When this shard's data began (TAG:c 'epoch'), as the digits of the clock in microseconds: a shard without one is
-- new, or lost its data, and from now on is one with this epoch.
local function shard_epoch()
  local epoch = redis.call('HGET', COUNTS, 'epoch')
  if not epoch then
    local now = redis.call('TIME')
    epoch = string.format('%d', now[1] * 1000000 + now[2])
    redis.call('HSET', COUNTS, 'epoch', epoch)
  end
  return epoch
end

-- The version of this call's changes to organization counts, taken once per call. A shard without versions (new, or
-- its data lost in a restart) starts them from its epoch, above any it gave before: pollers and home shards that
-- remember those would otherwise take its reports for old ones and drop them.
local version
local function mark_dirty(organization)
  if not version then
    version = redis.call('HINCRBY', COUNTS, 'ver', 1)
    if version == 1 then
      version = tonumber(shard_epoch())
      redis.call('HSET', COUNTS, 'ver', string.format('%d', version))
    end
  end
  redis.call('ZADD', DIRTY, version, organization)
end

-- Moves the counters from what `before` counted to what `after` counts, for one user.
local function recount(user, before, after)
  if before.sessions ~= after.sessions then
    add_to(COUNTS, 'sessions', after.sessions - before.sessions)
    if (before.sessions == 0) ~= (after.sessions == 0) then
      add_to(COUNTS, 'users', after.sessions > 0 and 1 or -1)
    end
  end
  each_change(before.modules, after.modules, function(module, delta) add_to(MODULE_USERS, module, delta) end)
  local module_sessions = {}
  for module, n in pairs(before.modules) do module_sessions[module] = -n end
  for module, n in pairs(after.modules) do module_sessions[module] = (module_sessions[module] or 0) + n end
  for module, delta in pairs(module_sessions) do
    if delta ~= 0 then add_to(MODULE_SESSIONS, module, delta) end
  end
  each_change(before.organizations, after.organizations, function(organization, delta)
    add_to(ORGANIZATION_USERS, organization, delta)
    if delta > 0 then
      redis.call('ZADD', organization_index(organization), 0, user)
    else
      redis.call('ZREM', organization_index(organization), user)
    end
    mark_dirty(organization)
  end)
  each_change(before.pairs, after.pairs, function(pair, delta)
    local bar = string.find(pair, '|', 1, true)
    add_to(module_organizations(string.sub(pair, 1, bar - 1)), string.sub(pair, bar + 1), delta)
  end)
end

-- Keeps TAG:x in step with a user's counted sessions after a change.
local function reindex(user, before, after)
  if after.sessions >= 2 then
    redis.call('ZADD', MULTI, after.oldest, user)
  elseif before.sessions >= 2 then
    redis.call('ZREM', MULTI, user)
  end
end

local function latest(sessions)
  local newest
  for _, fields in ipairs(sessions) do
    local last = tonumber(fields[5])
    if not newest or last > newest then newest = last end
  end
  return newest
end

-- The id of a user agent: the start of its SHA-1, or the whole digest when another agent already has that start.
-- `current` is the id the session holds: a heartbeat from the same browser needs no lookup. A batch's thousand
-- heartbeats come from a few browsers, so each agent's digest is worked out once per call.
local digests, short_ids = {}, {}
local function agent_id(user_agent, current)
  if user_agent == '' then return '' end
  local digest, id = digests[user_agent], short_ids[user_agent]
  if not digest then
    digest = redis.sha1hex(user_agent)
    id = string.sub(digest, 1, 12)
    digests[user_agent], short_ids[user_agent] = digest, id
  end
  if current == id or current == digest then return current end
  local known = redis.call('HGET', AGENTS, id)
  if known and known ~= user_agent then return digest end
  return id
end

-- One more session's record holds the agent.
local function hold_agent(id, user_agent)
  if id == '' then return end
  if redis.call('HINCRBY', AGENT_USES, id, 1) == 1 then redis.call('HSET', AGENTS, id, user_agent) end
end

-- A session's record no longer holds the agent: the last one to let go forgets it.
local function release_agent(id)
  if id == '' then return end
  if redis.call('HINCRBY', AGENT_USES, id, -1) <= 0 then
    redis.call('HDEL', AGENT_USES, id)
    redis.call('HDEL', AGENTS, id)
  end
end

-- Writes a user's sessions back (or forgets the user) after `before` -> `after`.
local function store_user(user, sessions, before, after)
  recount(user, before, after)
  reindex(user, before, after)
  if #sessions == 0 then
    redis.call('HDEL', RECORDS, user)
    redis.call('ZREM', USERS, user)
  else
    redis.call('HSET', RECORDS, user, format_record(sessions))
    redis.call('ZADD', USERS, latest(sessions), user)
  end
end

-- Moves 'cut' forward towards `cutoff`: every user with a counted session last active before the new cut is
-- recounted. Idempotent and never moves back, so every instance may run it before it reads.
-- A call visits about EXPIRE_CHUNK users (and any that tie with the last of them; ~15-25 µs each under load): when a
-- window start passes many users at once (a feed that stopped, a load test that ended), visiting all of a shard's
-- users in one call held Redis for seconds and stalled every heartbeat. Returns the cut now in force and whether it
-- is `cutoff`; a script that reads counts returns early until it is, and the app calls it again.
local EXPIRE_CHUNK = 250
local function expire(cutoff)
  local cut = tonumber(redis.call('HGET', COUNTS, 'cut') or '0')
  if cutoff <= cut then return cut, true end
  local to = cutoff
  for _, range in ipairs({ { USERS, cut }, { MULTI, '-inf' } }) do
    local set, from = range[1], range[2]
    if redis.call('ZCOUNT', set, from, '(' .. cutoff) > EXPIRE_CHUNK then
      -- Times are whole milliseconds: up to and including the chunk's last one.
      local last = redis.call('ZRANGEBYSCORE', set, from, '(' .. cutoff, 'WITHSCORES', 'LIMIT', EXPIRE_CHUNK - 1, 1)
      to = math.min(to, tonumber(last[2]) + 1)
    end
  end
  local visit = {}
  for _, user in ipairs(redis.call('ZRANGEBYSCORE', USERS, cut, '(' .. to)) do visit[user] = true end
  for _, user in ipairs(redis.call('ZRANGEBYSCORE', MULTI, '-inf', '(' .. to)) do visit[user] = true end
  redis.call('HSET', COUNTS, 'cut', string.format('%d', to))
  for user in pairs(visit) do
    local sessions = parse_record(redis.call('HGET', RECORDS, user))
    local before, after = counted(sessions, cut), counted(sessions, to)
    recount(user, before, after)
    reindex(user, before, after)
  end
  return to, to == cutoff
end

-- A session's record as readers get it: "user\norganization\nmodule\nstarted_ms\nip\nagent".
local function session_view(user, fields)
  local user_agent = fields[7] == '' and '' or (redis.call('HGET', AGENTS, fields[7]) or '')
  return user .. '\n' .. fields[3] .. '\n' .. fields[2] .. '\n' .. fields[4] .. '\n' .. fields[6] .. '\n' .. user_agent
end
