-- A shard's active sessions for the listing. ARGV: since (Unix ms), limit, user, module, organization
-- ('' = any). Unfiltered, returns the newest `limit`; filtered, every match, found through the smallest index.
-- Returns { total, session, last_seen, record, ... }.
local since, limit, user, module, organization = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local out = { 0 }

local function add(session, seen, record)
  out[#out + 1] = session
  out[#out + 1] = seen
  out[#out + 1] = with_agent(record)
end

if user == '' and module == '' and organization == '' then
  out[1] = redis.call('ZCOUNT', SESSIONS, since, '+inf')
  local newest = redis.call('ZREVRANGEBYSCORE', SESSIONS, '+inf', since, 'WITHSCORES', 'LIMIT', 0, limit)
  for i = 1, #newest, 2 do
    add(newest[i], newest[i + 1], redis.call('HGET', INFO, newest[i]))
  end
  return out
end

local users
if user ~= '' then
  users = { user }
elseif module ~= '' and organization ~= '' then
  users = active_pairs(organization, since)[module] or {}
elseif organization ~= '' then
  users = redis.call('ZRANGEBYSCORE', organization_users(organization), since, '+inf')
else
  users = redis.call('ZRANGEBYSCORE', module_users(module), since, '+inf')
end

for _, candidate in ipairs(users) do
  local list = redis.call('HGET', USER_SESSIONS, candidate)
  if list then
    for session in string.gmatch(list, '%S+') do
      local seen = redis.call('ZSCORE', SESSIONS, session)
      local record = redis.call('HGET', INFO, session)
      if seen and record and tonumber(seen) >= tonumber(since) then
        local fields = parse_session(record)
        if (module == '' or fields[3] == module) and (organization == '' or fields[2] == organization) then
          add(session, seen, record)
        end
      end
    end
  end
end
out[1] = (#out - 1) / 3
return out
