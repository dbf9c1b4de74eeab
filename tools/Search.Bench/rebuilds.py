# The service's own rebuild (POST /api/admin/reindex, what perf.py times), repeated in one running service over
# a data folder that already holds the corpus's archive, e.g. one made by
#   dotnet tools/Search.Bench/bin/Release/net10.0/Search.Bench.dll build --data /tmp/bx --corpus ../shared/corpus/*.jsonl.gz
# so that runtime settings can be compared without the ingest in between. Each rebuild prints its wall time and the
# service's processor seconds over it (both cores' worth: the machine's noise moves wall times more than processor
# time; the first rebuild of a process also pays for compiling), then the process's peak resident memory.
# After a Release build, from the repository root:
#   python3 tools/Search.Bench/rebuilds.py DATA RUNS [VARIABLE=VALUE ...]   (e.g. /tmp/bx 3 DOTNET_GCgen0size=0x8000000)
import json, os, sys, time, urllib.request
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch

DLL = os.path.abspath("src/Search.Api/bin/Release/net10.0/Search.Api.dll")
data, runs, settings = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
service, url, _ = launch.start(DLL, data, "--Search:RateLimits:Enabled=false", "--Logging:LogLevel:Default=Warning",
                               env=dict(kv.split("=", 1) for kv in settings))

def call(method, path):
    req = urllib.request.Request(f"{url}{path}", data=b"" if method == "POST" else None, method=method, headers={"X-Api-Key": launch.KEY})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read() or b"null")

try:
    launch.wait_ready(service, url, every=0.2)
    times = []
    for _ in range(runs):
        # The merge into one segment that follows a rebuild takes about 6 s of one core on the corpus, longer when
        # the machine is slow; a rebuild begun under it would be timed with it.
        time.sleep(10)
        started, processor = time.time(), launch.processor_seconds(service)
        job = call("POST", "/api/admin/reindex")["jobId"]
        while call("GET", f"/api/admin/reindex/{job}")["state"] == "running":
            time.sleep(0.1)
        times.append(f"{time.time() - started:.1f}/{launch.processor_seconds(service) - processor:.1f}")
    print(" ".join(settings) or "defaults", "rebuilds (wall/processor s):", " ".join(times), f"peak {launch.peak_mb(service)} MB")
finally:
    launch.stop(service)
