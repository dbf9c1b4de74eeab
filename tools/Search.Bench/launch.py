# Starting the service for the measurement scripts beside this file (ready.py, under-ingest.py, rebuilds.py,
# alerts-http.py, nodes.py, warm-up.py): a build of it on a data folder, on a free loopback port, with the admin key
# KEY and the sample off, then waiting for /health/ready; and what the scripts read of the running process.
import glob, os, socket, subprocess, sys, time, urllib.request

KEY = "k"

def free_port():
    """A loopback port no one listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def start(dll, data, *settings, env=None, output=None):
    """Starts DLL on DATA (a lock left by a killed run removed first), with SETTINGS on its command line and ENV added
    to its environment, its standard output written to OUTPUT (a file) or dropped; returns the process, its address and
    when it was launched."""
    for lock in glob.glob(f"{data}/generations/*/write.lock"):
        os.remove(lock)
    url = f"http://127.0.0.1:{free_port()}"
    launched = time.time()
    service = subprocess.Popen(["dotnet", dll, "--urls", url, f"--Search:DataPath={data}", "--Search:LoadSample=false",
        f"--Search:AdminApiKey={KEY}", *settings], env=dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", **(env or {})),
        stdout=output or subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return service, url, launched

def wait_ready(service, url, every):
    """Polls /health/ready every EVERY seconds until it answers 200; ends the script if the service exits first."""
    while True:
        if service.poll() is not None:
            sys.exit(f"the service exited with {service.returncode} before it was ready")
        try:
            with urllib.request.urlopen(f"{url}/health/ready", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(every)

def stop(service):
    service.terminate()
    service.wait()

def processor_seconds(service):
    """The processor time the service has used so far, user and system, both cores' worth."""
    fields = open(f"/proc/{service.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def peak_mb(service):
    """The service's peak resident memory so far."""
    return next(int(l.split()[1]) // 1024 for l in open(f"/proc/{service.pid}/status") if l.startswith("VmHWM"))
