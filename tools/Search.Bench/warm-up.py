# The service's first seconds under load, as perf.py measures them after its restart: the service started on a
# built data folder (ready time), then perf.py's kind of search (its recipe: 2,000 queries of 1-4 title words, top
# 10 with snippets and facets) from wrk at 8 connections in three windows of 5 s, the first being perf.py's
# warm-up. Each window prints searches/s, p50, p99, the service's resident memory, and how many methods the
# runtime had compiled by then at full optimisation (from DOTNET_JitDisasmSummary), the "Compiled in time"
# measurement of docs/performance.md. After a Release build, from the repository root:
#   python3 tools/Search.Bench/warm-up.py DATA [VARIABLE=VALUE ...]   (e.g. /tmp/bx DOTNET_TC_CallCountingDelayMs=100)
# SERVICE_DLL runs another build of the service, e.g. a published one: dotnet publish src/Search.Api -c Release -o /tmp/pub
# then SERVICE_DLL=/tmp/pub/Search.Api.dll python3 tools/Search.Bench/warm-up.py /tmp/bx
import os, random, re, subprocess, sys, tempfile, time, urllib.parse
sys.path.insert(0, os.path.join(os.getcwd(), "..", "shared", "checks"))
from lib import HERE, corpus
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch

DLL = os.environ.get("SERVICE_DLL") or os.path.abspath("src/Search.Api/bin/Release/net10.0/Search.Api.dll")
data, settings = sys.argv[1], sys.argv[2:]

# perf.py's queries, drawn the same way from the same seed.
docs = list(corpus())
rnd = random.Random(5)
words = [w for d in rnd.sample(docs, 400) for w in re.findall(r"[^\W\d_]{4,}", d["title"])]
queries = [" ".join(rnd.sample(words, rnd.randint(1, 4))) for _ in range(2000)]
paths = ["/api/search?" + urllib.parse.urlencode({"q": q, "size": 10, "interval": rnd.choice(["year", "month"])}) for q in queries]
paths_file = tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False)
paths_file.write("\n".join(paths) + "\n")
paths_file.close()

compiled_log = tempfile.NamedTemporaryFile("w+", suffix=".jit", delete=False)
env = dict(DOTNET_JitDisasmSummary="1", **dict(kv.split("=", 1) for kv in settings))
service, base, started = launch.start(DLL, data, "--Logging:LogLevel:Default=Warning", env=env, output=compiled_log)

def optimised():
    with open(compiled_log.name, errors="replace") as log:
        return sum(1 for line in log if "Tier1" in line or "FullOpts" in line)

def rss_mb():
    return next(int(l.split()[1]) // 1024 for l in open(f"/proc/{service.pid}/status") if l.startswith("VmRSS"))

try:
    launch.wait_ready(service, base, every=0.05)
    print(f"{' '.join(settings) or 'defaults'}: ready in {time.time() - started:.2f} s, {optimised()} methods optimised")
    for window in ("0-5 s (perf.py's warm-up)", "5-10 s", "10-15 s"):
        run = subprocess.run(["wrk", "-t2", "-c8", "-d5s", "--latency", "-s", f"{HERE}/paths.lua", base],
                             env=dict(os.environ, WRK_PATHS=paths_file.name), capture_output=True, text=True)
        _, _, p50, p99, rate, errors = next(l for l in run.stdout.splitlines() if l.startswith("RESULT")).split()[1:]
        print(f"  {window}: {float(rate):.0f} searches/s, p50 {float(p50):.1f} ms, p99 {float(p99):.1f} ms, "
              f"errors {errors}, RSS {rss_mb()} MB, {optimised()} methods optimised")
finally:
    launch.stop(service)
    os.unlink(paths_file.name)
    os.unlink(compiled_log.name)
