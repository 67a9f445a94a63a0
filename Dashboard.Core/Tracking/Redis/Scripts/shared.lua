-- Prepended to every script. KEYS[1] is a shard's hash tag such as {cu:7}: every key a script touches starts
-- with it, so one call stays inside one Redis Cluster hash slot.
--   TAG:u            users, scored by last activity (Unix ms)
--   TAG:s            sessions, scored by last activity
--   TAG:si           session id -> "user\norganization\nmodule\nstarted_ms\nip\nuser_agent"
--   TAG:us           user id -> the user's session ids, space separated (ids cannot hold spaces)
--   TAG:m, TAG:o     active modules / organizations, scored by last activity (the index that replaces KEYS)
--   TAG:m:<module>, TAG:o:<org>, TAG:mo:<module>|<org>   users per module, organization, and both
--   TAG:om:<org>, TAG:mm:<module>                        modules active in an organization, and the reverse
local tag = KEYS[1]
local SESSIONS, INFO, USER_SESSIONS = tag .. ':s', tag .. ':si', tag .. ':us'

local function module_users(module) return tag .. ':m:' .. module end
local function organization_users(organization) return tag .. ':o:' .. organization end
local function pair_users(module, organization) return tag .. ':mo:' .. module .. '|' .. organization end

-- user, organization, module, started_ms, ip, user_agent (the agent goes last: it may hold anything)
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
