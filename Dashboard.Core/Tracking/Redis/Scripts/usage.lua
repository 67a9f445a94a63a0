-- A shard's users in one module (ARGV[2] = 'm') or one organization ('o'), split over the other dimension.
-- ARGV[1]: start of the activity window (Unix ms); ARGV[3]: the module or organization id.
-- Returns { users, { other_id, users, ... } }, or 0 while many users stop counting: call again.
local kind, id = ARGV[2], ARGV[3]
local _, expired = expire(tonumber(ARGV[1]))
if not expired then return 0 end

if kind == 'm' then
  return { tonumber(redis.call('HGET', MODULE_USERS, id) or 0), redis.call('HGETALL', module_organizations(id)) }
end
local breakdown = {}
for _, module in ipairs(redis.call('HKEYS', MODULE_USERS)) do
  local users = redis.call('HGET', module_organizations(module), id)
  if users then
    breakdown[#breakdown + 1] = module
    breakdown[#breakdown + 1] = users
  end
end
return { tonumber(redis.call('HGET', ORGANIZATION_USERS, id) or 0), breakdown }
