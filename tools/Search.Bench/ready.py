# Start to ready, for builds of the service compared in turn: each build is started on DATA, /health/ready is polled
# every 50 ms from the launch (perf.py polls every 0.2 s), and the time to its first 200 is printed with the processor
# time the service had used by then; the service is then stopped and the next build started. Publish each build first
# (dotnet publish src/Search.Api -c Release -o PUB, from a worktree of each commit), then from the repository root:
#   python3 tools/Search.Bench/ready.py DATA ROUNDS PUB [PUB ...]      e.g. /tmp/bx 5 /tmp/before /tmp/after
import glob, os, socket, statistics, subprocess, sys, time, urllib.request

data, rounds, builds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {build: [] for build in builds}

def start(build):
    for lock in glob.glob(f"{data}/generations/*/write.lock"):
        os.remove(lock)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production")
    launched = time.time()
    service = subprocess.Popen(["dotnet", f"{build}/Search.Api.dll", "--urls", f"http://127.0.0.1:{port}", f"--Search:DataPath={data}",
        "--Search:LoadSample=false", "--Search:AdminApiKey=k"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if service.poll() is not None:
                sys.exit(f"{build}: the service exited with {service.returncode} before it was ready")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.05)
        ready = time.time() - launched
        fields = open(f"/proc/{service.pid}/stat").read().rsplit(")", 1)[1].split()
        processor = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return ready, processor
    finally:
        service.terminate()
        service.wait()

for round in range(rounds):
    for build in builds:
        ready, processor = start(build)
        times[build].append(ready)
        print(f"{build}: ready in {ready * 1000:.0f} ms, {processor * 1000:.0f} ms of processor", flush=True)
for build in builds:
    print(f"{build}: median {statistics.median(times[build]) * 1000:.0f} ms over {rounds} starts "
          f"({min(times[build]) * 1000:.0f}-{max(times[build]) * 1000:.0f})")
