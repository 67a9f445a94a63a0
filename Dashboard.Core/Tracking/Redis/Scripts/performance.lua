-- A shard's response-time histograms of the minutes ARGV[1] to ARGV[2] (minutes since the epoch), per module.
-- Returns { module, { field, count, ... }, ... } where a field is a bucket index, or 'e' for errors.
local from, to = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for _, module in ipairs(redis.call('ZRANGEBYSCORE', HISTOGRAM_MODULES, from * 60000, '+inf')) do
  for minute = from, to do
    local counts = redis.call('HGETALL', histogram(module, minute))
    if #counts > 0 then
      out[#out + 1] = module
      out[#out + 1] = counts
    end
  end
end
return out
