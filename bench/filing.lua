-- wrk script: POST one valid filing per request to /api/v1/filings with a worker's bearer token.
--
-- Environment (set by bench/run.sh):
--   BENCH_TOKEN      the bearer token of the worker account
--   BENCH_BODY_FILE  the JSON request body (default bench/filing.json)
--
-- Every response other than 201 Created is counted as an error, and so are wrk's socket errors
-- (connect, read, write, timeout). The summary line starting with "BENCH " is parsed by run.sh;
-- a run with errors > 0 is invalid.

local token = os.getenv("BENCH_TOKEN")
if token == nil or token == "" then
  error("BENCH_TOKEN is not set")
end
local path = os.getenv("BENCH_BODY_FILE") or "bench/filing.json"
local file = assert(io.open(path, "rb"), "cannot open " .. path)
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.path = "/api/v1/filings"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  failed = 0
  first_failure = ""
end

function response(status, headers, resp_body)
  if status == 201 then
    created = created + 1
  else
    failed = failed + 1
    if first_failure == "" then
      first_failure = tostring(status) .. " " .. string.sub(resp_body or "", 1, 300)
    end
  end
end

function done(summary, latency, requests)
  local ok, bad, sample = 0, 0, ""
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    bad = bad + t:get("failed")
    local s = t:get("first_failure")
    if sample == "" and s ~= nil and s ~= "" then
      sample = s
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH created=%d non201=%d socket_errors=%d seconds=%.2f rate=%.1f " ..
    "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f\n",
    ok, bad, socket, seconds, ok / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  if bad > 0 or socket > 0 then
    io.write("BENCH-ERROR the run had " .. bad .. " non-201 responses and " .. socket ..
      " socket errors; first failure: " .. sample .. "\n")
  end
end
