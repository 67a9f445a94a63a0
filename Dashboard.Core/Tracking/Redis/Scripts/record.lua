-- Records a shard's share of a batch in one round trip.
-- ARGV[1]: now (Unix ms); then 9 per activity: user, session, module, organization, user_agent, ip, active (1/0),
-- latency bucket ('' when the activity carries no response time), error (1/0).
local now = ARGV[1]

local function later(a, b)
  if a == nil then return b end
  if b ~= nil and tonumber(b) > tonumber(a) then return b end
  return a
end

local function set_or_remove(key, member, score)
  if score then
    redis.call('ZADD', key, score, member)
  else
    redis.call('ZREM', key, member)
  end
end

-- The indexes of active modules and organizations are touched once per call: a batch repeats the same few
-- modules, and a second ZADD GT at the same time would change nothing.
local indexed = {}
local function index(key, member)
  local entry = key .. '\n' .. member
  if not indexed[entry] then
    indexed[entry] = true
    redis.call('ZADD', key, 'GT', now, member)
  end
end

local function touch(user, session, module, organization, user_agent, ip)
  local started, agent, listed = now, nil, false
  local previous = redis.call('HGET', INFO, session)
  if previous then
    local fields = parse_session(previous)
    started = fields[4]
    -- A session with a record is in its user's list already.
    listed = fields[1] == user
    if not listed then forget_user_session(fields[1], session) end
    -- Most heartbeats come from the browser the session started in: its agent id is kept as it is.
    if (fields[6] == '' and user_agent == '') or (fields[6] ~= '' and redis.call('HGET', AGENTS, fields[6]) == user_agent) then
      agent = fields[6]
    else
      release_agent(fields[6])
    end
  end
  agent = agent or hold_agent(user_agent)
  redis.call('HSET', INFO, session,
    user .. '\n' .. organization .. '\n' .. module .. '\n' .. started .. '\n' .. ip .. '\n' .. agent)
  redis.call('ZADD', SESSIONS, 'GT', now, session)

  if not listed then
    local list = redis.call('HGET', USER_SESSIONS, user)
    if not list then
      redis.call('HSET', USER_SESSIONS, user, session)
    elseif not string.find(' ' .. list .. ' ', ' ' .. session .. ' ', 1, true) then
      redis.call('HSET', USER_SESSIONS, user, list .. ' ' .. session)
    end
  end

  -- GT: a late heartbeat from another instance never moves a time back.
  redis.call('ZADD', tag .. ':u', 'GT', now, user)
  redis.call('ZADD', module_users(module), 'GT', now, user)
  redis.call('ZADD', organization_users(organization), 'GT', now, user)
  redis.call('ZADD', organization_users(organization), 'LT', '-' .. now, pair_member(module, user))
  index(tag .. ':m', module)
  index(tag .. ':o', organization)
  index(tag .. ':mm:' .. module, organization)
end

-- Logout: the user's presence wherever this session counted falls back to their other sessions' latest activity.
local function end_session(session)
  local record = redis.call('HGET', INFO, session)
  if not record then return end
  local ended = parse_session(record)
  local user, organization, module = ended[1], ended[2], ended[3]
  release_agent(ended[6])
  redis.call('HDEL', INFO, session)
  redis.call('ZREM', SESSIONS, session)

  local user_latest, module_latest, organization_latest, pair_latest
  for _, other in ipairs(forget_user_session(user, session)) do
    local seen = redis.call('ZSCORE', SESSIONS, other)
    local other_record = redis.call('HGET', INFO, other)
    if seen and other_record then
      local fields = parse_session(other_record)
      user_latest = later(user_latest, seen)
      if fields[3] == module then module_latest = later(module_latest, seen) end
      if fields[2] == organization then organization_latest = later(organization_latest, seen) end
      if fields[3] == module and fields[2] == organization then pair_latest = later(pair_latest, seen) end
    end
  end
  set_or_remove(tag .. ':u', user, user_latest)
  set_or_remove(module_users(module), user, module_latest)
  set_or_remove(organization_users(organization), user, organization_latest)
  set_or_remove(organization_users(organization), pair_member(module, user), pair_latest and '-' .. pair_latest)
end

-- One request in the module's response-time histogram of this minute; kept two hours, history keeps the minutes.
local LATENCY_TTL_SECONDS = 7200
local function count_request(module, bucket, failed)
  local key = tag .. ':h:' .. module .. ':' .. math.floor(tonumber(now) / 60000)
  redis.call('HINCRBY', key, bucket, 1)
  if failed == '1' then redis.call('HINCRBY', key, 'e', 1) end
  redis.call('EXPIRE', key, LATENCY_TTL_SECONDS)
  redis.call('ZADD', tag .. ':hm', 'GT', now, module)
end

for i = 2, #ARGV, 9 do
  if ARGV[i + 6] == '1' then
    touch(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5])
  else
    end_session(ARGV[i + 1])
  end
  if ARGV[i + 7] ~= '' then count_request(ARGV[i + 2], ARGV[i + 7], ARGV[i + 8]) end
end
return 0
