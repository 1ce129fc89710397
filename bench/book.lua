-- wrk script of bench/run.sh's flat-out phase: every request books a slot of its own. Slots are BENCH_SLOT (5)
-- minutes apart from BENCH_FIRST_SLOT (epoch seconds) on, the first BENCH_SKIP of them left out (taken before);
-- BENCH_WRK_THREADS is wrk's --threads.
local threads = 0
local first = tonumber(os.getenv("BENCH_FIRST_SLOT"))
local minutes = tonumber(os.getenv("BENCH_SLOT") or "5")
local skip = tonumber(os.getenv("BENCH_SKIP") or "0")

function setup(thread)
	thread:set("id", threads)
	threads = threads + 1
end

function init(args)
	count = 0
	total = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
end

function request()
	local n = skip + count * total + id
	count = count + 1
	local start = os.date("!%Y-%m-%dT%H:%M:%SZ", first + n * minutes * 60)
	local body = string.format('{"name":"Bench %d","email":"bench-%d@example.com","startTime":"%s","durationMinutes":%d}',
		n, n, start, minutes)
	return wrk.format("POST", "/api/bookings", { ["Content-Type"] = "application/json" }, body)
end
