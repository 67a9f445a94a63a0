-- A shard's part of the poll snapshot. ARGV[1]: start of the activity window (Unix ms).
-- Returns { users, sessions, { module, users, ... }, { organization, users, ... } }.
local since = ARGV[1]

local function counts(index, users_of)
  local out = {}
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', index, since, '+inf')) do
    out[#out + 1] = id
    out[#out + 1] = redis.call('ZCOUNT', users_of(id), since, '+inf')
  end
  return out
end

return {
  redis.call('ZCOUNT', tag .. ':u', since, '+inf'),
  redis.call('ZCOUNT', SESSIONS, since, '+inf'),
  counts(tag .. ':m', module_users),
  counts(tag .. ':o', organization_users),
}
