-- wrk script: students submit requests through the REST API, each connection signed in with the
-- personal access token of another demo student.
--
--   wrk ... -s bench/requests.lua http://127.0.0.1:8093 -- <mode> <tokens-file>
--
-- mode "submit"  POST /api/v1/requests with JSON {category, subcategory, urgent, text}, cycling
--                through a fixed mix of repair and non-repair requests
--      any path  GET that path with the same tokens (the baseline, e.g. /api/v1/me)
--
-- Each thread starts at a different, fixed offset of the token list and every request takes the
-- next token, so every run sends the same mix. Prints the same WRK_RESULT line as search.lua.

local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local bodies = {
  '{"category":"REPAIRS","subcategory":"WATER","urgent":false,"text":"卫生间水龙头一直滴水，关不紧"}',
  '{"category":"REPAIRS","subcategory":"ELECTRICITY","urgent":false,"text":"宿舍顶灯不亮，换了开关也不行"}',
  '{"category":"REPAIRS","subcategory":"NETWORK","urgent":false,"text":"晚上十点以后网络经常断开"}',
  '{"category":"ACADEMICS","urgent":false,"text":"想咨询转专业的条件和时间安排"}',
  '{"category":"FINANCIAL_AID","urgent":false,"text":"助学贷款的续贷手续在哪里办理？"}',
  '{"category":"REPAIRS","subcategory":"DOOR_LOCK","urgent":false,"text":"宿舍门锁有时打不开，需要用力推"}',
  '{"category":"DORM_LIFE","urgent":false,"text":"隔壁宿舍晚上很吵，影响休息"}',
  '{"category":"EMPLOYMENT","urgent":false,"text":"想了解春季校园招聘会的安排"}',
}

function init(args)
  mode = args[1] or "submit"
  tokens = {}
  for line in io.lines(args[2]) do
    if line ~= "" then table.insert(tokens, line) end
  end
  index = (id * 97) % #tokens
  n = id
  non2xx = 0
end

function request()
  index = index % #tokens + 1
  n = n + 1
  local headers = {["Authorization"] = "Bearer " .. tokens[index]}
  if mode == "submit" then
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/v1/requests", headers, bodies[n % #bodies + 1])
  end
  return wrk.format("GET", mode, headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 then io.stderr:write("HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non2xx") or 0) end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, e.connect + e.read + e.write + e.timeout))
end
