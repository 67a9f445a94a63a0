-- Admits modules to the list every instance shares (TAG:mk, kept on shard 0 only): one already on it, or one added
-- while it holds fewer than ARGV[1]. Returns those of ARGV[2..] on the list. The list never shrinks.
local modules, max = tag .. ':mk', tonumber(ARGV[1])
local admitted = {}
for i = 2, #ARGV do
  if redis.call('SISMEMBER', modules, ARGV[i]) == 1
    or (redis.call('SCARD', modules) < max and redis.call('SADD', modules, ARGV[i]) == 1) then
    admitted[#admitted + 1] = ARGV[i]
  end
end
return admitted
