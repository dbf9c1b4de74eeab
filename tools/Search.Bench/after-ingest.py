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
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch

svc = Service()
svc.start()

try:
    docs = list(corpus())
    started = time.time()
    for batch in batches(docs, 1000):
        svc.post_docs(batch)
    wait_total(svc, len(docs), timeout=120, **{"from": "1900-01-01", "to": "2100-12-31"})
    print(f"posted and searchable after {time.time() - started:.1f} s; peak {launch.peak_mb(svc.proc)} MB so far")
    if sys.argv[1:] == ["rebuild"]:
        started, processor = time.time(), launch.processor_seconds(svc.proc)
        job = json.loads(svc.request("POST", "/api/admin/reindex", b"", {"X-Api-Key": KEY})[1])["jobId"]
        while json.loads(svc.request("GET", f"/api/admin/reindex/{job}", None, {"X-Api-Key": KEY})[1]).get("state") == "running":
            time.sleep(0.2)
        print(f"rebuild {time.time() - started:.1f} s, {launch.processor_seconds(svc.proc) - processor:.1f} s of processor; peak {launch.peak_mb(svc.proc)} MB")
    else:
        before, samples = launch.processor_seconds(svc.proc), []
        for _ in range(40):
            time.sleep(0.5)
            now = launch.processor_seconds(svc.proc)
            samples.append(round((now - before) * 200))
            before = now
        print("processor % every 0.5 s after:", " ".join(map(str, samples)))
finally:
    svc.stop()
