# Ingest through HTTP, the way the service is used, with no saved search and with 300 (webhooks to a local
# receiver), alternating: time until every document is searchable (what ingest promises), and until every
# alert is matched and delivered, and the service's processor time. Usage, after a Release build, from the
# repository root: python3 tools/Search.Bench/alerts-http.py DOCUMENTS RUNS   (e.g. 5000 2)
import gzip, json, random, sys, time, urllib.request, threading, shutil, os, http.server
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import launch
DLL = os.path.abspath("src/Search.Api/bin/Release/net10.0/Search.Api.dll")
docs = []
for f in sorted(__import__('glob').glob(os.path.abspath('../shared/corpus') + '/*.jsonl.gz')):
    with gzip.open(f, 'rt', encoding='utf-8') as g:
        for line in g:
            docs.append(line.strip())
            if len(docs) >= int(sys.argv[1]): break
    if len(docs) >= int(sys.argv[1]): break
rnd = random.Random(11)
words = sorted({w for d in docs for w in json.loads(d).get('title','').split() if len(w) >= 4 and w.isalpha()})
received = [0]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers['Content-Length']); body = json.loads(self.rfile.read(n)); received[0] += len(body['documents'])
        self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
hook = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Hook); threading.Thread(target=hook.serve_forever, daemon=True).start()
def run(searches):
    data = '/tmp/alerts-http-data'; shutil.rmtree(data, ignore_errors=True)
    svc, url, _ = launch.start(DLL, data, '--Logging:LogLevel:Default=Warning', '--Search:RateLimits:Enabled=false')
    def call(method, path, body=None, ctype='application/json'):
        req = urllib.request.Request(f'{url}{path}', data=body, method=method, headers={'X-Api-Key': launch.KEY, 'Content-Type': ctype})
        with urllib.request.urlopen(req, timeout=120) as r: return json.loads(r.read() or b'null')
    try:
        launch.wait_ready(svc, url, every=0.2)
        for i in range(searches):
            q = ' '.join(rnd.choice(words) for _ in range(1 + (i % 3 == 0)))
            call('POST', '/api/saved-searches', json.dumps({'name': f's{i}', 'search': {'q': q}, 'webhook': f'http://127.0.0.1:{hook.server_port}/h'}).encode())
        received[0] = 0
        cpu0 = launch.processor_seconds(svc)
        t0 = time.time()
        for i in range(0, len(docs), 500):
            last = call('POST', '/api/documents', ('\n'.join(docs[i:i+500]) + '\n').encode(), 'application/x-ndjson')['sequence']
        while call('GET', '/api/admin/stats')['pending'] > 0: time.sleep(0.05)
        searchable = time.time() - t0
        cpu_searchable = launch.processor_seconds(svc) - cpu0
        if searches:
            while any(s['matchedThrough'] < last or s['delivery']['pending'] > 0 for s in call('GET', '/api/saved-searches')): time.sleep(1)
        done = time.time() - t0
        cpu = launch.processor_seconds(svc) - cpu0
        print(f'http-ingest searches={searches} documents={len(docs)} searchable_s={searchable:.2f} cpu_until_searchable_s={cpu_searchable:.2f} matched_and_delivered_s={done:.2f} cpu_s={cpu:.2f} alerted_documents={received[0]}', flush=True)
    finally:
        launch.stop(svc)
for r in range(int(sys.argv[2])):
    run(0); run(300)
