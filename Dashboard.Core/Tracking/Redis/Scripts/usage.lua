-- A shard's users in one module (ARGV[2] = 'm') or one organization ('o'), split over the other dimension.
-- ARGV[1]: start of the activity window (Unix ms); ARGV[3]: the module or organization id.
-- Returns { users, { other_id, users, ... } }.
local since, kind, id = ARGV[1], ARGV[2], ARGV[3]
local users_key, index, pair
if kind == 'm' then
  users_key, index = module_users(id), tag .. ':mm:' .. id
  pair = function(organization) return pair_users(id, organization) end
else
  users_key, index = organization_users(id), tag .. ':m'
  pair = function(module) return pair_users(module, id) end
end

local breakdown = {}
for _, other in ipairs(redis.call('ZRANGEBYSCORE', index, since, '+inf')) do
  breakdown[#breakdown + 1] = other
  breakdown[#breakdown + 1] = redis.call('ZCOUNT', pair(other), since, '+inf')
end
return { redis.call('ZCOUNT', users_key, since, '+inf'), breakdown }
