-- A shard's users in one module (ARGV[2] = 'm') or one organization ('o'), split over the other dimension.
-- ARGV[1]: start of the activity window (Unix ms); ARGV[3]: the module or organization id.
-- Returns { users, { other_id, users, ... } }.
local since, kind, id = ARGV[1], ARGV[2], ARGV[3]
local users_key
local breakdown = {}

local function add(other, users)
  breakdown[#breakdown + 1] = other
  breakdown[#breakdown + 1] = #users
end

if kind == 'm' then
  users_key = module_users(id)
  for _, organization in ipairs(redis.call('ZRANGEBYSCORE', tag .. ':mm:' .. id, since, '+inf')) do
    add(organization, active_pairs(organization, since)[id] or {})
  end
else
  users_key = organization_users(id)
  for module, users in pairs(active_pairs(id, since)) do
    add(module, users)
  end
end
return { redis.call('ZCOUNT', users_key, since, '+inf'), breakdown }
