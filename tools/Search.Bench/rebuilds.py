# The service's own rebuild (POST /api/admin/reindex, what perf.py times), repeated in one running service over
# a data folder that already holds the corpus's archive, e.g. one made by
#   dotnet tools/Search.Bench/bin/Release/net10.0/Search.Bench.dll build --data /tmp/bx --corpus ../shared/corpus/*.jsonl.gz
# so that runtime settings can be compared without the ingest in between. Each rebuild prints its wall time and the
# service's processor seconds over it (both cores' worth: the machine's noise moves wall times more than processor
# time; the first rebuild of a process also pays for compiling), then the process's peak resident memory.
# After a Release build, from the repository root:
#   python3 tools/Search.Bench/rebuilds.py DATA RUNS [VARIABLE=VALUE ...]   (e.g. /tmp/bx 3 DOTNET_GCgen0size=0x8000000)
import json, os, socket, subprocess, sys, time, urllib.request
KEY = "k"
DLL = os.path.abspath("src/Search.Api/bin/Release/net10.0/Search.Api.dll")
data, runs, settings = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

def call(method, path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=b"" if method == "POST" else None, method=method, headers={"X-Api-Key": KEY})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read() or b"null")

env = dict(os.environ, **dict(kv.split("=", 1) for kv in settings))
service = subprocess.Popen(["dotnet", DLL, "--urls", f"http://127.0.0.1:{port}", f"--Search:DataPath={data}", "--Search:LoadSample=false",
    f"--Search:AdminApiKey={KEY}", "--Search:RateLimits:Enabled=false", "--Logging:LogLevel:Default=Warning"], env=env,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def processor_seconds():
    fields = open(f"/proc/{service.pid}/stat").read().split(")")[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def peak_mb():
    return next(int(l.split()[1]) // 1024 for l in open(f"/proc/{service.pid}/status") if l.startswith("VmHWM"))

try:
    for _ in range(150):
        try:
            call("GET", "/health/ready")
            break
        except Exception:
            time.sleep(0.2)
    times = []
    for _ in range(runs):
        time.sleep(5)  # the merge into one segment that follows a rebuild
        started, processor = time.time(), processor_seconds()
        job = call("POST", "/api/admin/reindex")["jobId"]
        while call("GET", f"/api/admin/reindex/{job}")["state"] == "running":
            time.sleep(0.1)
        times.append(f"{time.time() - started:.1f}/{processor_seconds() - processor:.1f}")
    print(" ".join(settings) or "defaults", "rebuilds (wall/processor s):", " ".join(times), f"peak {peak_mb()} MB")
finally:
    service.terminate()
    service.wait()
