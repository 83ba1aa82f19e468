-- wrk script for the Shouwang benchmarks.
--
--   wrk ... -s bench/search.lua http://127.0.0.1:8091 -- <mode> [queries-file]
--
-- mode "api"      GET /api/v1/students?q=<query>&size=30, the query cycling through queries-file
--      "html"     GET /students?q=<query> (the server-rendered search page)
--      any path   GET that fixed path (the baseline, e.g. /api/v1/departments)
--
-- The session cookie comes in as a header (wrk -H "Cookie: ..."). Each thread starts at a
-- different, fixed offset of the query list, so every run sends the same mix.
-- At the end it prints one machine-readable line:
--   WRK_RESULT requests=N seconds=S rps=R p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. non2xx=N errors=N

local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  mode = args[1] or "api"
  local file = args[2] or "bench/queries.txt"
  paths = {}
  if mode == "api" or mode == "html" then
    local prefix = mode == "api" and "/api/v1/students?size=30&q=" or "/students?q="
    for line in io.lines(file) do
      if line ~= "" then table.insert(paths, prefix .. urlencode(line)) end
    end
  else
    paths[1] = mode
  end
  index = (id * 17) % #paths
  non2xx = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
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
