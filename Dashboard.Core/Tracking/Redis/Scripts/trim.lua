-- Removes up to ARGV[2] members scored before ARGV[1] from the sorted set TAG .. ARGV[3], and when ARGV[4] is given
-- the same fields from the hash TAG .. ARGV[4] (what the set indexes). Returns how many.
local key, limit = tag .. ARGV[3], tonumber(ARGV[2])
local expired = redis.call('ZRANGEBYSCORE', key, '-inf', '(' .. ARGV[1], 'LIMIT', 0, limit)
if #expired > 0 then
  redis.call('ZREM', key, unpack(expired))
  if ARGV[4] then redis.call('HDEL', tag .. ARGV[4], unpack(expired)) end
end
return #expired
