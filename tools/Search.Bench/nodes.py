# Services on a PostgreSQL archive, measured over HTTP on a throwaway cluster (initdb; as the postgres
# user when run as root), after a Release build, from the repository root:
#   python3 tools/Search.Bench/nodes.py latency NODES WRITES   how long after one node acknowledges a write the
#                                                              others find it by search (one document at a time,
#                                                              round robin over the nodes; the promise is 2 s)
#   python3 tools/Search.Bench/nodes.py ingest DOCUMENTS       corpus documents posted 500 to a request through one
#                                                              node, with the archive in SQLite, then in PostgreSQL:
#                                                              acknowledged per second, and when all are searchable
import glob, gzip, json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch
DLL = os.path.abspath("src/Search.Api/bin/Release/net10.0/Search.Api.dll")
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
ROOT = os.geteuid() == 0

def as_postgres(*args):
    subprocess.run((["runuser", "-u", "postgres", "--"] if ROOT else []) + list(args), check=True, stdout=subprocess.DEVNULL)

def call(url, method, path, body=None, ctype="application/json"):
    req = urllib.request.Request(f"{url}{path}", data=body, method=method, headers={"X-Api-Key": launch.KEY, "Content-Type": ctype})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.loads(r.read() or b"null")

def start_node(work, name, archive=None):
    """A service on its own data folder, its archive in PostgreSQL when ARCHIVE is given; returns it and its address."""
    extra = ["--Search:Archive:Provider=postgres", f"--Search:Archive:ConnectionString={archive}"] if archive else []
    process, url, _ = launch.start(DLL, f"{work}/{name}", "--Logging:LogLevel:Default=Warning", "--Search:RateLimits:Enabled=false", *extra)
    launch.wait_ready(process, url, every=0.2)
    return process, url

def latency(work, archive, nodes, writes):
    started = [start_node(work, f"node{n}", archive) for n in range(nodes)]
    urls = [url for _, url in started]
    try:
        delays = []
        for w in range(writes):
            writer = urls[w % nodes]
            doc = {"id": f"w{w}", "title": "بيان", "date": "2024-01-01", "body": f"بيان رسمي عن الميناء tokw{w}z", "source": "وكالة"}
            call(writer, "POST", "/api/documents", (json.dumps(doc, ensure_ascii=False) + "\n").encode(), "application/x-ndjson")
            acked = time.time()
            for url in urls:
                if url != writer:
                    while call(url, "GET", f"/api/search?q=tokw{w}z&size=1")["total"] != 1:
                        time.sleep(0.005)
                    delays.append(time.time() - acked)
            time.sleep(0.1)
        delays.sort()
        print(f"{nodes} nodes, {writes} writes: searchable on another node after median {statistics.median(delays)*1000:.0f} ms, "
              f"p95 {delays[int(len(delays)*0.95)]*1000:.0f} ms, max {delays[-1]*1000:.0f} ms ({len(delays)} measures)")
    finally:
        for process, _ in started:
            launch.stop(process)

def ingest(work, archive, count):
    docs = []
    for f in sorted(glob.glob(os.path.abspath("../shared/corpus") + "/*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as g:
            docs.extend(line.strip() for _, line in zip(range(count - len(docs)), g))
    for provider, database in (("sqlite", None), ("postgres", archive)):
        process, url = start_node(work, provider, database)
        try:
            t0 = time.time()
            for i in range(0, len(docs), 500):
                call(url, "POST", "/api/documents", ("\n".join(docs[i:i + 500]) + "\n").encode(), "application/x-ndjson")
            t1 = time.time()
            while (s := call(url, "GET", "/api/admin/stats"))["pending"] > 0 or s["indexDocuments"] != s["archiveDocuments"]:
                time.sleep(0.05)
            print(f"{provider}: {len(docs)} documents acknowledged in {t1 - t0:.2f} s ({len(docs) / (t1 - t0):.0f} a second), all searchable after {time.time() - t0:.2f} s")
        finally:
            launch.stop(process)

work = tempfile.mkdtemp(prefix="search-nodes-")
os.chmod(work, 0o755)
cluster, pg_port = os.path.join(work, "pg"), launch.free_port()
os.mkdir(cluster)
if ROOT:
    shutil.chown(cluster, "postgres")
as_postgres(f"{BIN}/initdb", "-D", f"{cluster}/data", "-U", "search", "-A", "trust", "-E", "UTF8", "--no-locale")
as_postgres(f"{BIN}/pg_ctl", "-D", f"{cluster}/data", "-l", f"{cluster}/log", "-w", "-o", f"-p {pg_port} -k {cluster} -c listen_addresses=127.0.0.1", "start")
try:
    archive = f"Host=127.0.0.1;Port={pg_port};Username=search;Database=postgres"
    if sys.argv[1] == "latency":
        latency(work, archive, int(sys.argv[2]), int(sys.argv[3]))
    else:
        ingest(work, archive, int(sys.argv[2]))
finally:
    as_postgres(f"{BIN}/pg_ctl", "-D", f"{cluster}/data", "-w", "-m", "fast", "stop")
    shutil.rmtree(work, ignore_errors=True)
