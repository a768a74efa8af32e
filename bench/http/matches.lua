-- wrk script: POST the `matches(first: 20)` GraphQL query; a response that is not 200 or whose
-- body contains "errors" counts as a failure. TOKEN and OPENING come from the environment.
local token = os.getenv("TOKEN")
local opening = os.getenv("OPENING") or "1"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"query":"{ matches(openingId: \\"' .. opening .. '\\", first: 20) { totalCount '
    .. 'edges { cursor node { score qualified candidate { id name } } } } }"}'

local threads = {}
function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    failures = 0
    responses = 0
end

function response(status, headers, body)
    responses = responses + 1
    if status ~= 200 or body:find('"errors"', 1, true) then
        failures = failures + 1
    end
end

function done(summary, latency, requests)
    local failed, seen = 0, 0
    for _, t in ipairs(threads) do
        failed = failed + t:get("failures")
        seen = seen + t:get("responses")
    end
    io.write(string.format("responses %d failures %d\n", seen, failed))
    io.write(string.format("requests/s %.0f p50 %.2f ms p99 %.2f ms max %.2f ms\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
