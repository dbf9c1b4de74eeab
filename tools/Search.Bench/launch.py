# Starting the service for the measurement scripts beside this file (ready.py, under-ingest.py): a build of it on a
# data folder, on a free loopback port, with the admin key KEY and the sample off, then waiting for /health/ready.
import glob, os, socket, subprocess, sys, time, urllib.request

KEY = "k"

def start(dll, data, *settings):
    """Starts DLL on DATA (a lock left by a killed run removed first); returns the process, its address and when it was launched."""
    for lock in glob.glob(f"{data}/generations/*/write.lock"):
        os.remove(lock)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
    launched = time.time()
    service = subprocess.Popen(["dotnet", dll, "--urls", url, f"--Search:DataPath={data}", "--Search:LoadSample=false",
        f"--Search:AdminApiKey={KEY}", *settings], env=dict(os.environ, ASPNETCORE_ENVIRONMENT="Production"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
