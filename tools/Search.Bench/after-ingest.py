# What the service does right after a bulk load: the corpus posted 1,000 documents a request as
# ../shared/checks/perf.py posts it, then the service's processor use sampled every 0.5 s for 20 s with
# nothing asked of it (the idle merge shows as a core busy for a few seconds), then optionally a rebuild
# started at once, as perf.py starts one, with its wall time, processor seconds and the process's peak resident
# memory (perf.py's "peak" is this one; the peak is also printed once the load is searchable). After a Release build, from the repository root:
#   python3 tools/Search.Bench/after-ingest.py            # the samples
#   python3 tools/Search.Bench/after-ingest.py rebuild    # a rebuild right after the load instead
# The service is the published build of HEAD (the checks' own helper); CHECK_CMD runs another.
import json, os, sys, time
sys.path.insert(0, os.path.join(os.getcwd(), "..", "shared", "checks"))
from lib import KEY, Service, batches, corpus, wait_total

svc = Service()
svc.start()

def cpu_seconds():
    fields = open(f"/proc/{svc.proc.pid}/stat").read().split(")")[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

try:
    docs = list(corpus())
    started = time.time()
    for batch in batches(docs, 1000):
        svc.post_docs(batch)
    wait_total(svc, len(docs), timeout=120, **{"from": "1900-01-01", "to": "2100-12-31"})
    peak = lambda: next(int(l.split()[1]) // 1024 for l in open(f"/proc/{svc.proc.pid}/status") if l.startswith("VmHWM"))
    print(f"posted and searchable after {time.time() - started:.1f} s; peak {peak()} MB so far")
    if sys.argv[1:] == ["rebuild"]:
        started, processor = time.time(), cpu_seconds()
        job = json.loads(svc.request("POST", "/api/admin/reindex", b"", {"X-Api-Key": KEY})[1])["jobId"]
        while json.loads(svc.request("GET", f"/api/admin/reindex/{job}", None, {"X-Api-Key": KEY})[1]).get("state") == "running":
            time.sleep(0.2)
        print(f"rebuild {time.time() - started:.1f} s, {cpu_seconds() - processor:.1f} s of processor; peak {peak()} MB")
    else:
        before, samples = cpu_seconds(), []
        for _ in range(40):
            time.sleep(0.5)
            now = cpu_seconds()
            samples.append(round((now - before) * 200))
            before = now
        print("processor % every 0.5 s after:", " ".join(map(str, samples)))
finally:
    svc.stop()
