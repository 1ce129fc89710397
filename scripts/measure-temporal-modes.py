#!/usr/bin/env python3
"""Start-up time, RSS and bookings/s of the embedded default on the dev server vs the in-process server.

Usage: scripts/measure-temporal-modes.py [bookings] [port-base]
Starts api/target/booking-api.jar twice on a fresh data folder each (mode dev-server, then in-process), waits for
HTTP, books N hourly slots (distinct emails) from 4 threads (each POST commits the booking and starts its
workflow on that Temporal server; integrations disabled, so no outside calls) and prints one line per mode.
RSS counts the JVM and its children (embedded PostgreSQL's postmaster, the dev server).
A simple repeatable measurement; the perf benchmark is the full one.
"""
import concurrent.futures, datetime, json, os, shutil, subprocess, sys, tempfile, time, urllib.request
from zoneinfo import ZoneInfo

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
BASE = int(sys.argv[2]) if len(sys.argv) > 2 else 18210
JAR = os.path.join(os.path.dirname(__file__), '..', 'api', 'target', 'booking-api.jar')
KEY = 'measure-key'


def slots(n):
    london, day, out = ZoneInfo('Europe/London'), datetime.date.today() + datetime.timedelta(days=2), []
    while len(out) < n:
        if day.weekday() < 5:
            for hour in range(9, 17):
                out.append(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=london).isoformat())
        day += datetime.timedelta(days=1)
    return out[:n]


def call(port, method, path, body=None):
    req = urllib.request.Request(f'http://localhost:{port}{path}', method=method,
                                 data=json.dumps(body).encode() if body else None,
                                 headers={'Content-Type': 'application/json', 'X-Api-Key': KEY})
    with urllib.request.urlopen(req, timeout=60) as res:
        return json.loads(res.read() or b'{}')


def rss_kb(pid):
    total = 0
    for p in [str(pid)] + subprocess.run(['pgrep', '-P', str(pid)], capture_output=True, text=True).stdout.split():
        with open(f'/proc/{p}/status') as f:
            total += next(int(l.split()[1]) for l in f if l.startswith('VmRSS'))
    return total


def measure(mode, port):
    data = tempfile.mkdtemp(prefix=f'measure-{mode}-')
    args = ['java', '-jar', JAR, f'--server.port={port}', f'--booking.embedded.data-dir={data}',
            f'--booking.temporal.mode={mode}', f'--booking.temporal.dev-server.port={port + 1}',
            f'--booking.temporal.dev-server.ui-port={port + 2}', '--booking.rate-limit.enabled=false',
            f'--booking.admin.api-key={KEY}', '--booking.rules.frequency.max-bookings=1000']
    started = time.time()
    app = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                call(port, 'GET', '/api/bookings/available-slots?startDate=2030-01-07&endDate=2030-01-07')
                break
            except Exception:
                time.sleep(0.2)
        startup = time.time() - started
        rss_idle = rss_kb(app.pid)
        begin = time.time()
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            ids = list(pool.map(lambda t: call(port, 'POST', '/api/bookings', {
                'name': 'Measure', 'email': f'm{t[0]}@example.com', 'startTime': t[1]})['id'], enumerate(slots(N))))
        booked = time.time() - begin
        assert len(set(ids)) == N
        print(f'{mode:10s} start-up {startup:5.1f}s  RSS idle {rss_idle / 1024:6.0f} MB  after {N} bookings '
              f'{rss_kb(app.pid) / 1024:6.0f} MB  booking {N / booked:6.1f}/s', flush=True)
    finally:
        app.terminate()
        app.wait()
        shutil.rmtree(data, ignore_errors=True)


for mode, port in (('dev-server', BASE), ('in-process', BASE + 5)):
    measure(mode, port)
