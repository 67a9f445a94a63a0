-- A shard's active sessions for the listing. ARGV: since (Unix ms), limit, user, module, organization ('' = any).
-- Narrowed to a user or an organization, returns every match (found through the user's record or the
-- organization's index); otherwise the newest `limit` matches and how many there are in all.
-- Returns { total, session, last_seen, record, ... } (record as session_view gives it), or 0 while many users stop
-- counting: call again.
local since, limit, user, module, organization = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5]
local _, expired = expire(since)
if not expired then return 0 end

local function matches(fields)
  return tonumber(fields[5]) >= since and (module == '' or fields[2] == module)
    and (organization == '' or fields[3] == organization)
end

local found = {}
local function collect(candidate)
  for _, fields in ipairs(parse_record(redis.call('HGET', RECORDS, candidate))) do
    if matches(fields) then found[#found + 1] = { candidate, fields } end
  end
end

local function newer(a, b)
  local a_last, b_last = tonumber(a[2][5]), tonumber(b[2][5])
  if a_last ~= b_last then return a_last > b_last end
  return a[2][1] > b[2][1]
end

local function reply(total, count)
  local out = { total }
  for i = 1, count do
    local candidate, fields = found[i][1], found[i][2]
    out[#out + 1] = fields[1]
    out[#out + 1] = fields[5]
    out[#out + 1] = session_view(candidate, fields)
  end
  return out
end

if user ~= '' or organization ~= '' then
  local candidates = user ~= '' and { user } or redis.call('ZRANGE', organization_index(organization), 0, -1)
  for _, candidate in ipairs(candidates) do collect(candidate) end
  return reply(#found, #found)
end

-- Newest users first: a user's sessions are no newer than the user, so once `limit` matches are newer than the
-- users still to come, none of theirs can take a place on the page.
local CHUNK = 256
local offset = 0
while true do
  local users = redis.call('ZREVRANGEBYSCORE', USERS, '+inf', since, 'WITHSCORES', 'LIMIT', offset, CHUNK)
  for i = 1, #users, 2 do collect(users[i]) end
  if #users < CHUNK * 2 then break end
  table.sort(found, newer)
  if #found >= limit and tonumber(found[limit][2][5]) > tonumber(users[#users]) then break end
  offset = offset + CHUNK
end
table.sort(found, newer)
local total = module == '' and redis.call('HGET', COUNTS, 'sessions') or redis.call('HGET', MODULE_SESSIONS, module)
return reply(tonumber(total or 0), math.min(limit, #found))
