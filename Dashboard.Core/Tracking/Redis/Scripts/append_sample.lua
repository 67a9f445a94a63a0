-- Stores one poll as a sample of every scope, then forgets samples from before the retention cutoff.
-- KEYS[1] is the samples' own hash tag such as {cu:samples}, so every sample key lives in one cluster slot:
--   TAG:all            overall samples, members 'at:users:sessions', scored by at (Unix ms)
--   TAG:m:<module>     one module's samples, members 'at:users'; TAG:o:<org> likewise for an organization
--   TAG:scopes         the index of module and organization scopes ('m:<id>', 'o:<id>'), scored by their last sample
-- ARGV: at, cutoff (Unix ms), users, sessions, then pairs of scope and users. Appending the same poll again
-- writes the same members, so it changes nothing.
local at, stale = ARGV[1], '(' .. ARGV[2]
local SCOPES = tag .. ':scopes'

redis.call('ZADD', tag .. ':all', at, at .. ':' .. ARGV[3] .. ':' .. ARGV[4])
for i = 5, #ARGV, 2 do
  redis.call('ZADD', tag .. ':' .. ARGV[i], at, at .. ':' .. ARGV[i + 1])
  redis.call('ZADD', SCOPES, 'GT', at, ARGV[i])
end

redis.call('ZREMRANGEBYSCORE', tag .. ':all', '-inf', stale)
for _, scope in ipairs(redis.call('ZRANGEBYSCORE', SCOPES, '-inf', stale)) do
  redis.call('DEL', tag .. ':' .. scope)
end
redis.call('ZREMRANGEBYSCORE', SCOPES, '-inf', stale)
for _, scope in ipairs(redis.call('ZRANGE', SCOPES, 0, -1)) do
  redis.call('ZREMRANGEBYSCORE', tag .. ':' .. scope, '-inf', stale)
end
return 0
