-- wrk script: one case command per request, `POST /api/v1/cases/{id}/{action}`, each request on
-- a case of its own (a case accepted once cannot be accepted again).
--
-- Environment (set by bench/transition.sh):
--   BENCH_TOKEN      the bearer token of the acting account
--   BENCH_IDS_FILE   the case ids, one a line; thread k of n takes the lines k, k+n, k+2n, …
--   BENCH_ACTION     the command, named as in the API (accept, decide_suspension, …)
--   BENCH_BODY       the JSON request body
--
-- Every response other than 200 is counted as an error, and so are wrk's socket errors and a
-- thread running out of case ids. The summary line starting with "BENCH " is parsed by
-- transition.sh; a run with errors > 0 is invalid.

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set")
end
local ids_file = os.getenv("BENCH_IDS_FILE") or error("BENCH_IDS_FILE is not set")
local action = os.getenv("BENCH_ACTION") or error("BENCH_ACTION is not set")
local body = os.getenv("BENCH_BODY") or "{}"
-- Set when preparing cases rather than measuring: a thread out of ids asks for /readyz until
-- transition.sh stops wrk (wrk runs for a duration, not a count).
local prepare = os.getenv("BENCH_PREPARE") == "1"

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  done_ok = 0
  failed = 0
  exhausted = 0
  first_failure = ""
  ids = {}
  next_id = 1
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local file = assert(io.open(ids_file, "r"), "cannot open " .. ids_file)
  local n = 0
  for line in file:lines() do
    if n % nthreads == tid then
      table.insert(ids, line)
    end
    n = n + 1
  end
  file:close()
  if tid == 0 then
    -- wrk calls request() once on the first thread's script to check it, before any request
    -- is sent: that call must not use up a case.
    table.insert(ids, 1, "00000000-0000-0000-0000-000000000000")
  end
  headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. token
end

function request()
  local id = ids[next_id]
  if id == nil and prepare then
    return wrk.format("GET", "/readyz", headers)
  end
  if id == nil then
    exhausted = exhausted + 1
    id = "00000000-0000-0000-0000-000000000000"
  end
  next_id = next_id + 1
  return wrk.format("POST", "/api/v1/cases/" .. id .. "/" .. action, headers, body)
end

function response(status, headers, resp_body)
  if status == 200 then
    done_ok = done_ok + 1
  else
    failed = failed + 1
    if first_failure == "" then
      first_failure = tostring(status) .. " " .. string.sub(resp_body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local ok, bad, out, sample = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    ok = ok + t:get("done_ok")
    bad = bad + t:get("failed")
    out = out + t:get("exhausted")
    local s = t:get("first_failure")
    if sample == "" and s ~= nil and s ~= "" then
      sample = s
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH done=%d non200=%d socket_errors=%d seconds=%.2f rate=%.1f " ..
    "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f\n",
    ok, bad, socket, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  if bad > 0 or socket > 0 or out > 0 then
    io.write("BENCH-ERROR the run had " .. bad .. " non-200 responses, " .. socket ..
      " socket errors and " .. out .. " requests without a case id left; first failure: " .. sample .. "\n")
  end
end
