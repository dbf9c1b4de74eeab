# Start to ready, for builds of the service compared in turn: each build is started on DATA, /health/ready is polled
# every 50 ms from the launch (perf.py polls every 0.2 s), and the time to its first 200 is printed with the processor
# time the service had used by then; the service is then stopped and the next build started. Publish each build first
# (dotnet publish src/Search.Api -c Release -o PUB, from a worktree of each commit), then from the repository root:
#   python3 tools/Search.Bench/ready.py DATA ROUNDS PUB [PUB ...]      e.g. /tmp/bx 5 /tmp/before /tmp/after
import os, statistics, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch

data, rounds, builds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {build: [] for build in builds}

def start(build):
    service, url, launched = launch.start(f"{build}/Search.Api.dll", data)
    try:
        launch.wait_ready(service, url, every=0.05)
        return time.time() - launched, launch.processor_seconds(service)
    finally:
        launch.stop(service)

for round in range(rounds):
    for build in builds:
        ready, processor = start(build)
        times[build].append(ready)
        print(f"{build}: ready in {ready * 1000:.0f} ms, {processor * 1000:.0f} ms of processor", flush=True)
for build in builds:
    print(f"{build}: median {statistics.median(times[build]) * 1000:.0f} ms over {rounds} starts "
          f"({min(times[build]) * 1000:.0f}-{max(times[build]) * 1000:.0f})")
