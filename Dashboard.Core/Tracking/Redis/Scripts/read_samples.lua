-- Samples taken in [ARGV[1], ARGV[2]) (Unix ms); key layout in append_sample.lua.
-- ARGV[3]: one scope ('m:<id>' or 'o:<id>'), '*' for every scope with a sample in the range, '' for none.
-- Returns { overall members, scope, members, scope, members, ... }: the overall samples give every poll's time,
-- and a scope without a member at one of them counted zero then.
local since, before, only = ARGV[1], '(' .. ARGV[2], ARGV[3]
local out = { redis.call('ZRANGEBYSCORE', tag .. ':all', since, before) }
local scopes = {}
if only == '*' then
  scopes = redis.call('ZRANGEBYSCORE', tag .. ':scopes', since, '+inf')
elseif only ~= '' then
  scopes = { only }
end
for _, scope in ipairs(scopes) do
  out[#out + 1] = scope
  out[#out + 1] = redis.call('ZRANGEBYSCORE', tag .. ':' .. scope, since, before)
end
return out
