-- wrk script: POST decision requests with randomly drawn facts (a fixed seed, so runs compare).
-- The mix covers impact, capability and escalation decisions. Each request draws new facts, as real
-- callers send (BENCH_FACTS=recurring cycles 2,000 bodies instead, which the engine's exact-facts
-- cache answers after the first pass).
math.randomseed(42)
local capabilities = { "App UI", "hosted storage", "Webtriggers", "App deployment", "App logging",
  "Search apps", "Churn reports", "Request apps", "Manage apps", "Async events" }
local levels = { "MAJOR", "MINOR" }
local types = { "OUTAGE", "DEGRADATION" }
local tiers = { "C1", "C2", "C3" }

local function body()
  local kind = math.random(4)
  local reports = ""
  if math.random(2) == 1 then reports = ',"partnerReports":' .. math.random(0, 20) end
  if kind == 1 then
    return '{"impactLevel":"' .. levels[math.random(2)] .. '","affectedUsers":' .. math.random(0, 8000000) .. reports .. '}'
  elseif kind == 2 then
    return '{"impactLevel":"' .. levels[math.random(2)] .. '","affectedApps":' .. math.random(0, 150) .. reports .. '}'
  elseif kind == 3 then
    return '{"capability":"' .. capabilities[math.random(#capabilities)] .. '","incidentType":"' .. types[math.random(2)]
      .. '","durationMinutes":' .. math.random(0, 600) .. reports .. '}'
  end
  return '{"capabilityTier":"' .. tiers[math.random(3)] .. '","incidentType":"' .. types[math.random(2)]
    .. '","durationMinutes":' .. math.random(0, 600) .. ',"partnerReports":' .. math.random(0, 20) .. '}'
end

local pool = {}
for n = 1, 2000 do pool[n] = body() end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- bench/latency.sh sends credentials (BENCH_AUTH), as a client of a service with authentication does.
local auth = os.getenv("BENCH_AUTH")
if auth then wrk.headers["Authorization"] = auth end
local recurring = os.getenv("BENCH_FACTS") == "recurring"
request = function()
  i = i + 1
  if recurring then return wrk.format(nil, "/api/v1/decisions", nil, pool[(i % #pool) + 1]) end
  return wrk.format(nil, "/api/v1/decisions", nil, body())
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("errors=%d\n", errors))
end
