-- Adds counted requests to a module's response-time histogram of this minute (the app's own API latencies).
-- ARGV: now (Unix ms), module, errors, then bucket, count pairs.
local now, module = ARGV[1], ARGV[2]
local key = tag .. ':h:' .. module .. ':' .. math.floor(tonumber(now) / 60000)
for i = 4, #ARGV, 2 do
  redis.call('HINCRBY', key, ARGV[i], ARGV[i + 1])
end
if tonumber(ARGV[3]) > 0 then redis.call('HINCRBY', key, 'e', ARGV[3]) end
redis.call('EXPIRE', key, 7200)
redis.call('ZADD', tag .. ':hm', 'GT', now, module)
return 0
