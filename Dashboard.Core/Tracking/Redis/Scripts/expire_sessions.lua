-- Forgets up to ARGV[2] sessions last seen before ARGV[1] (Unix ms). Returns how many; call again until it is
-- below the limit. Bounded so that no call blocks Redis for long, and idempotent so every instance may run it.
local expired = redis.call('ZRANGEBYSCORE', SESSIONS, '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, session in ipairs(expired) do
  local record = redis.call('HGET', INFO, session)
  if record then
    local fields = parse_session(record)
    forget_user_session(fields[1], session)
    release_agent(fields[6])
  end
  redis.call('HDEL', INFO, session)
end
if #expired > 0 then redis.call('ZREM', SESSIONS, unpack(expired)) end
return #expired
