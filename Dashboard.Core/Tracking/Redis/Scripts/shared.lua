-- Prepended to every script. KEYS[1] is a shard's hash tag such as {cu:7}: every key a script touches starts
-- with it, so one call stays inside one Redis Cluster hash slot.
--   TAG:u            users, scored by last activity (Unix ms)
--   TAG:s            sessions, scored by last activity
--   TAG:si           session id -> "user\norganization\nmodule\nstarted_ms\nip\nagent" (agent: '' or an id in TAG:a)
--   TAG:a            agent id -> user agent; TAG:ac agent id -> how many sessions' records hold it. Thousands of
--                    sessions share a few browsers' agents (~110 bytes each), so each is kept once per shard.
--   TAG:us           user id -> the user's session ids, space separated (ids cannot hold spaces)
--   TAG:m, TAG:o     active modules / organizations, scored by last activity (the index that replaces KEYS)
--   TAG:m:<module>, TAG:o:<org>   users per module / organization, scored by last activity. An organization's
--                    set also holds its users per module: member "module|user" (ids cannot hold '|') scored by minus
--                    the last activity, so a pair costs no key of its own and no count of users (since..+inf) sees it.
--   TAG:mm:<module>  organizations active in a module. There is no reverse index: an organization's modules are
--                    found among the shard's few active modules (TAG:m), which saves a set per organization.
--   TAG:h:<module>:<minute>  response-time histogram of a module's requests in one minute (minutes since the
--                    epoch): latency bucket index -> requests, and 'e' -> errors; expires after two hours.
--   TAG:hm           modules with requests, scored by the last one (the index of the histograms)
local tag = KEYS[1]
local SESSIONS, INFO, USER_SESSIONS = tag .. ':s', tag .. ':si', tag .. ':us'
local AGENTS, AGENT_USES = tag .. ':a', tag .. ':ac'

local function module_users(module) return tag .. ':m:' .. module end
local function organization_users(organization) return tag .. ':o:' .. organization end
local function pair_member(module, user) return module .. '|' .. user end

-- An organization's users per module active since `since`: { module = { user, ... }, ... }.
local function active_pairs(organization, since)
  local by_module = {}
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', organization_users(organization), '-inf', '-' .. since)) do
    local bar = string.find(member, '|', 1, true)
    local module = string.sub(member, 1, bar - 1)
    local users = by_module[module] or {}
    users[#users + 1] = string.sub(member, bar + 1)
    by_module[module] = users
  end
  return by_module
end

-- user, organization, module, started_ms, ip, agent id
local function parse_session(record)
  local fields, start = {}, 1
  for _ = 1, 5 do
    local stop = string.find(record, '\n', start, true)
    fields[#fields + 1] = string.sub(record, start, stop - 1)
    start = stop + 1
  end
  fields[6] = string.sub(record, start)
  return fields
end

-- Removes a session from its user's list and returns the ids that are left.
local function forget_user_session(user, session)
  local list = redis.call('HGET', USER_SESSIONS, user)
  local kept = {}
  if list then
    for id in string.gmatch(list, '%S+') do
      if id ~= session then kept[#kept + 1] = id end
    end
  end
  if #kept == 0 then
    redis.call('HDEL', USER_SESSIONS, user)
  else
    redis.call('HSET', USER_SESSIONS, user, table.concat(kept, ' '))
  end
  return kept
end

-- The id of a user agent, counted as held by one more session: the start of its SHA-1, or the whole digest when
-- another agent already has that start.
local function hold_agent(user_agent)
  if user_agent == '' then return '' end
  local digest = redis.sha1hex(user_agent)
  local id = string.sub(digest, 1, 12)
  local known = redis.call('HGET', AGENTS, id)
  if known and known ~= user_agent then
    id = digest
    known = redis.call('HGET', AGENTS, id)
  end
  if not known then redis.call('HSET', AGENTS, id, user_agent) end
  redis.call('HINCRBY', AGENT_USES, id, 1)
  return id
end

-- A session's record no longer holds the agent: the last one to let go forgets it.
local function release_agent(id)
  if id == '' then return end
  if redis.call('HINCRBY', AGENT_USES, id, -1) <= 0 then
    redis.call('HDEL', AGENT_USES, id)
    redis.call('HDEL', AGENTS, id)
  end
end

-- A session's record as readers get it, with the user agent itself in place of its id. A record written before
-- agents were kept apart holds the agent itself, which is not an id in TAG:a, and is returned as it is.
local function with_agent(record)
  if not record then return record end
  local fields = parse_session(record)
  if fields[6] == '' then return record end
  local user_agent = redis.call('HGET', AGENTS, fields[6]) or fields[6]
  return string.sub(record, 1, #record - #fields[6]) .. user_agent
end
