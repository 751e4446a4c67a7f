-- wrk script: the load of many shoppers, not of one address. The edge counts its rate limits per client address
-- (onshore.gateway.rate-limits in dmz-api's application.yml: pages 1,200, api 600, search 120 a minute), so a
-- benchmark from one address measures 429s. The edge believes X-Forwarded-For from its trusted proxies, and the
-- demo's include loopback, so each request names its own client: thread k of wrk walks the 65,536 addresses of
-- 198.(18 + k mod 2).0.0/16 (RFC 2544's benchmarking block, 198.18.0.0/15, in no GeoIP database and in none of the
-- edge's trusted-proxies, unlike 10.20.0.0/16), one after the other. At 10,000 req/s per thread an address comes
-- back every 6.5 s, about 9 times a minute: far below every limit.
--
--   wrk -t2 -c64 -d10s --latency -s dmz-api/bench/many-shoppers.lua http://localhost:8080/api/shop/v1/products
--   wrk ... -s dmz-api/bench/many-shoppers.lua http://localhost:8080 -- /path/one /path/two?q=x
--
-- Paths after "--" are taken in turn (each thread from its own starting point); without them, the URL's own path.
local next_thread = 0

function setup(thread)
    thread:set("thread_index", next_thread)
    next_thread = next_thread + 1
end

local counter = 0
local block = 18
local paths = {}

function init(args)
    block = 18 + (thread_index or 0) % 2
    -- Threads sharing a block start far apart.
    counter = math.floor((thread_index or 0) / 2) * 7919
    for _, path in ipairs(args) do
        paths[#paths + 1] = path
    end
end

function request()
    counter = counter + 1
    local n = counter % 65536
    wrk.headers["X-Forwarded-For"] = "198." .. block .. "." .. math.floor(n / 256) .. "." .. (n % 256)
    if #paths > 0 then
        return wrk.format(nil, paths[(counter + (thread_index or 0)) % #paths + 1])
    end
    return wrk.format()
end
