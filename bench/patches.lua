-- wrk script: PATCH (application/merge-patch+json) an open incident's facts, new facts on every
-- request: BENCH_INCIDENTS incidents named BENCH_PREFIX-1..N (opened by bench/incidents.sh, each at
-- revision 1), taken in turn, each with a new partner report count and user count, as reports and
-- counts come in, and If-Match with the ETag (the revision) the previous change of it answered. With
-- fewer requests in flight than incidents, no two in flight change the same incident.
math.randomseed(7)
local n = tonumber(os.getenv("BENCH_INCIDENTS") or "1000")
local prefix = os.getenv("BENCH_PREFIX") or "PATCH"
wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/merge-patch+json"
local auth = os.getenv("BENCH_AUTH")
if auth then wrk.headers["Authorization"] = auth end
local revision = {}
local i = 0
request = function()
  i = i + 1
  local k = (i % n) + 1
  local r = revision[k] or 1
  revision[k] = r + 1
  wrk.headers["If-Match"] = '"' .. r .. '"'
  local body = '{"partnerReports":' .. math.random(0, 20) .. ',"impactLevel":"MINOR","affectedUsers":' .. math.random(0, 8000000) .. '}'
  return wrk.format(nil, "/api/v1/incidents/" .. prefix .. "-" .. k, nil, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("errors=%d\n", errors))
end
