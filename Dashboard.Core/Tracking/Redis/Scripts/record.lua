-- Records a shard's share of a batch in one round trip.
-- ARGV[1]: now (Unix ms); ARGV[2]: the session TTL (ms); ARGV[3]: how many user agents follow, each once; then one
-- per activity: "user|session|module|organization|ip|active (1/0)|latency bucket ('' without a response time)|
-- error (1/0)|agent" (agent: the user agent's place in that list, '' for none).
local now, ttl = ARGV[1], tonumber(ARGV[2])
local user_agents, first_activity = {}, 4 + tonumber(ARGV[3])
for i = 4, first_activity - 1 do user_agents[tostring(i - 3)] = ARGV[i] end
-- The fast path below compares times as the digits they are stored as: tonumber costs ~0.25 µs a call, and three
-- per heartbeat were about a tenth of what Redis spends on a batched one.
local cut_digits = redis.call('HGET', COUNTS, 'cut') or '0'
local cut = tonumber(cut_digits)
local function earlier(a, b) return #a < #b or (#a == #b and a < b) end

local function find(sessions, session)
  for i, fields in ipairs(sessions) do
    if fields[1] == session then return i end
  end
end

-- Most heartbeats come from a user's only session, counted and still where it was: two writes, no recount.
local function touch_alone(user, session, module, organization, user_agent, ip, record)
  if not record or string.find(record, ' ', 1, true) then return false end
  local id, was_module, was_organization, started, last, _, agent =
    string.match(record, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
  if id ~= session or was_module ~= module or was_organization ~= organization or earlier(last, cut_digits)
    or agent ~= agent_id(user_agent, agent) then
    return false
  end
  -- A late heartbeat from another instance never moves the last activity back.
  local newest = earlier(last, now) and now or last
  redis.call('HSET', RECORDS, user,
    session .. '|' .. module .. '|' .. organization .. '|' .. started .. '|' .. newest .. '|' .. ip .. '|' .. agent)
  redis.call('ZADD', USERS, newest, user)
  return true
end

local function touch(user, session, module, organization, user_agent, ip)
  local record = redis.call('HGET', RECORDS, user)
  if touch_alone(user, session, module, organization, user_agent, ip, record) then return end
  local sessions = parse_record(record)
  local before = counted(sessions, cut)
  local i = find(sessions, session)
  local agent = agent_id(user_agent, i and sessions[i][7])
  if i then
    local fields = sessions[i]
    if fields[7] ~= agent then
      release_agent(fields[7])
      hold_agent(agent, user_agent)
    end
    -- A late heartbeat from another instance never moves the last activity back.
    local last = math.max(tonumber(fields[5]), tonumber(now))
    sessions[i] = { session, module, organization, fields[4], tostring(last), ip, agent }
  else
    hold_agent(agent, user_agent)
    sessions[#sessions + 1] = { session, module, organization, now, now, ip, agent }
  end
  -- Sessions past the TTL are dropped whenever their user writes; the cleanup drops the users who stopped.
  local kept = {}
  for _, fields in ipairs(sessions) do
    if tonumber(fields[5]) >= tonumber(now) - ttl then kept[#kept + 1] = fields else release_agent(fields[7]) end
  end
  store_user(user, kept, before, counted(kept, cut))
end

local function end_session(user, session)
  local sessions = parse_record(redis.call('HGET', RECORDS, user))
  local i = find(sessions, session)
  if not i then return end
  local before = counted(sessions, cut)
  release_agent(sessions[i][7])
  table.remove(sessions, i)
  store_user(user, sessions, before, counted(sessions, cut))
end

-- One request in the module's response-time histogram of this minute.
local function count_request(module, bucket, failed)
  local key = histogram_at(module, now)
  redis.call('HINCRBY', key, bucket, 1)
  if failed == '1' then redis.call('HINCRBY', key, 'e', 1) end
  keep_histogram(key, module, now)
end

for i = first_activity, #ARGV do
  local user, session, module, organization, ip, active, bucket, failed, agent =
    string.match(ARGV[i], '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)$')
  if active == '1' then
    touch(user, session, module, organization, user_agents[agent] or '', ip)
  else
    end_session(user, session)
  end
  if bucket ~= '' then count_request(module, bucket, failed) end
end
return 0
