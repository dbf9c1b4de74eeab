# Searches while statements come in: each published build is started on a fresh copy of DATA (a data folder that
# holds the corpus, e.g. one made by Search.Bench build), then `Search.Bench load` replays LOG at 8 clients for 20 s,
# once with nothing coming in and once with a corpus article posted under a new id every second (each one a refresh
# of the index, so searches meet a newly opened reader every second). Prints load's line for each, build by build,
# in turn, ROUNDS times. Publish each build first (dotnet publish src/Search.Api -c Release -o PUB, from a worktree of
# each commit); LOG is made by Search.Bench genlog. After a Release build, from the repository root:
#   python3 tools/Search.Bench/under-ingest.py DATA LOG ROUNDS PUB [PUB ...]    e.g. /tmp/bx /tmp/log.txt 2 /tmp/before /tmp/after
import os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch

data, log, rounds, builds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
BENCH = ["dotnet", os.path.abspath("tools/Search.Bench/bin/Release/net10.0/Search.Bench.dll")]

def measure(build, ingest):
    copy = tempfile.mkdtemp(prefix="under-ingest-")
    shutil.copytree(data, copy, dirs_exist_ok=True)
    service, url, _ = launch.start(f"{build}/Search.Api.dll", copy, "--Search:RateLimits:Enabled=false", "--Logging:LogLevel:Default=Warning")
    try:
        launch.wait_ready(service, url, every=0.1)
        extra = ["--ingest-every", "1", "--key", launch.KEY, "--corpus", os.path.join("..", "shared", "corpus", "sample.jsonl")] if ingest else []
        answer = subprocess.run(BENCH + ["load", "--url", url, "--log", log, "--seconds", "20"] + extra, capture_output=True, text=True)
        return (answer.stdout.strip().splitlines() or [answer.stderr.strip()])[-1]
    finally:
        launch.stop(service)
        shutil.rmtree(copy, ignore_errors=True)

for round in range(rounds):
    for build in builds:
        for ingest in (False, True):
            print(f"{build} {'a document a second' if ingest else 'nothing coming in'}: {measure(build, ingest)}", flush=True)
