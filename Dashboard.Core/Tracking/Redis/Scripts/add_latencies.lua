-- Adds counted requests to a module's response-time histogram of this minute (the app's own API latencies).
-- ARGV: now (Unix ms), module, errors, then bucket, count pairs.
local now, module = ARGV[1], ARGV[2]
local key = histogram_at(module, now)
for i = 4, #ARGV, 2 do
  redis.call('HINCRBY', key, ARGV[i], ARGV[i + 1])
end
if tonumber(ARGV[3]) > 0 then redis.call('HINCRBY', key, 'e', ARGV[3]) end
keep_histogram(key, module, now)
return 0
