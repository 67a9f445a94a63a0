-- Forgets up to ARGV[2] users whose sessions were all last active before ARGV[1] (Unix ms), after counting a step
-- towards the window start ARGV[3] (a user taken out of the counts at whatever cut is in force leaves them exact).
-- Returns how many sessions went; call again until that is below the limit. Bounded so that no call blocks Redis for
-- long, and idempotent so every instance may run it.
local cut = expire(tonumber(ARGV[3]))
local removed = 0
for _, user in ipairs(redis.call('ZRANGEBYSCORE', USERS, '-inf', '(' .. ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))) do
  local sessions = parse_record(redis.call('HGET', RECORDS, user))
  for _, fields in ipairs(sessions) do release_agent(fields[7]) end
  removed = removed + #sessions
  store_user(user, {}, counted(sessions, cut), counted({}, cut))
end
return removed
