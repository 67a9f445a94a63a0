-- Removes up to ARGV[2] entries last active before ARGV[1] from the sorted set TAG .. ARGV[3]: members scored by
-- that time, and pair members scored by minus it (see shared.lua). Returns how many.
local key, limit = tag .. ARGV[3], tonumber(ARGV[2])
local expired = redis.call('ZRANGEBYSCORE', key, '0', '(' .. ARGV[1], 'LIMIT', 0, limit)
if #expired < limit then
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', key, '(-' .. ARGV[1], '(0', 'LIMIT', 0, limit - #expired)) do
    expired[#expired + 1] = member
  end
end
if #expired > 0 then redis.call('ZREM', key, unpack(expired)) end
return #expired
