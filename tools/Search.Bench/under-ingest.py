# Searches while statements come in: each published build is started on a fresh copy of DATA (a data folder that
# holds the corpus, e.g. one made by Search.Bench build), then `Search.Bench load` replays LOG at 8 clients for 20 s,
# once with nothing coming in and once with a corpus article posted under a new id every second (each one a refresh
# of the index, so searches meet a newly opened reader every second). Prints load's line for each, build by build,
# in turn, ROUNDS times. Publish each build first (dotnet publish src/Search.Api -c Release -o PUB, from a worktree of
# each commit); LOG is made by Search.Bench genlog. After a Release build, from the repository root:
#   python3 tools/Search.Bench/under-ingest.py DATA LOG ROUNDS PUB [PUB ...]    e.g. /tmp/bx /tmp/log.txt 2 /tmp/before /tmp/after
import glob, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

data, log, rounds, builds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
BENCH = ["dotnet", os.path.abspath("tools/Search.Bench/bin/Release/net10.0/Search.Bench.dll")]
KEY = "k"

def measure(build, ingest):
    copy = tempfile.mkdtemp(prefix="under-ingest-")
    shutil.copytree(data, copy, dirs_exist_ok=True)
    for lock in glob.glob(f"{copy}/generations/*/write.lock"):
        os.remove(lock)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    service = subprocess.Popen(["dotnet", f"{build}/Search.Api.dll", "--urls", url, f"--Search:DataPath={copy}", "--Search:LoadSample=false",
        f"--Search:AdminApiKey={KEY}", "--Search:RateLimits:Enabled=false", "--Logging:LogLevel:Default=Warning"],
        env=dict(os.environ, ASPNETCORE_ENVIRONMENT="Production"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{url}/health/ready", timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        extra = ["--ingest-every", "1", "--key", KEY, "--corpus", os.path.join("..", "shared", "corpus", "sample.jsonl")] if ingest else []
        answer = subprocess.run(BENCH + ["load", "--url", url, "--log", log, "--seconds", "20"] + extra, capture_output=True, text=True)
        return (answer.stdout.strip().splitlines() or [answer.stderr.strip()])[-1]
    finally:
        service.terminate()
        service.wait()
        shutil.rmtree(copy, ignore_errors=True)

for round in range(rounds):
    for build in builds:
        for ingest in (False, True):
            print(f"{build} {'a document a second' if ingest else 'nothing coming in'}: {measure(build, ingest)}", flush=True)
