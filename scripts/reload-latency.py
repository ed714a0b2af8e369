#!/usr/bin/env python3
"""Live-reload latency of `minsheng serve --watch`: saves one content file
again and again and times, for each save, how long until the server tells a
waiting browser to reload (the long poll a page's live-reload script makes
returns). Checks after each save that the served page shows the edit, and
prints the median, 95th percentile and extremes. The file is restored at the
end.

    scripts/reload-latency.py                      # the real site, 50 saves
    scripts/reload-latency.py --root DIR --edits 50 --file DIR/content/a00001.md
"""

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, timeout=60):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
        return r.read().decode("utf-8")


def first_article(root):
    files = sorted(p for p in (root / "content").rglob("*.md")
                   if not p.name.endswith(".en.md") and not p.name.startswith("_"))
    if not files:
        sys.exit(f"no article under {root / 'content'}")
    return files[0]


def slug_of(path, text):
    m = re.search(r"^slug:\s*(\S+)\s*$", text, re.M)
    return m.group(1).strip("'\"") if m else path.stem


def edited(text, n):
    """The text with a marked phrase before the first full stop of the body."""
    body = text.index("\n---", 3) + 4
    stop = text.index("。", body)
    token = f"（第{n}次编辑）"
    return text[:stop] + token + text[stop:], token


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=REPO)
    ap.add_argument("--file", type=Path, help="content file to edit (default: the first article)")
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--bin", type=Path, default=REPO / "target/release/minsheng")
    ap.add_argument("--out", type=Path, help="output folder (default: the site's)")
    args = ap.parse_args()
    root = args.root.resolve()
    path = (args.file or first_article(root)).resolve()
    original = path.read_bytes()
    text = original.decode("utf-8")
    slug = slug_of(path, text)
    port = free_port()
    command = [str(args.bin), "--root", str(root), "serve", "--watch", "--port", str(port)]
    if args.out:
        command += ["--out", str(args.out)]
    log = open(os.devnull, "w") if os.environ.get("QUIET") else sys.stderr
    server = subprocess.Popen(command, stdout=log, stderr=log)
    latencies = []
    try:
        deadline = time.time() + 600
        while True:
            try:
                get(port, "/__minsheng/poll")
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    sys.exit("the server did not start")
                time.sleep(0.1)
        for n in range(1, args.edits + 1):
            version = json.loads(get(port, "/__minsheng/poll"))["version"]
            answer = {}

            def wait():
                answer["status"] = json.loads(get(port, f"/__minsheng/poll?v={version}"))
                answer["at"] = time.perf_counter()

            waiter = threading.Thread(target=wait)
            waiter.start()
            time.sleep(0.05)  # the long poll is waiting before the save
            new_text, token = edited(text, n)
            started = time.perf_counter()
            path.write_text(new_text, encoding="utf-8")
            waiter.join(120)
            if "at" not in answer:
                sys.exit(f"save {n}: no reload message within 120 s")
            if answer["status"].get("error"):
                sys.exit(f"save {n}: the rebuild failed: {answer['status']['error']}")
            latencies.append((answer["at"] - started) * 1000)
            page = get(port, f"/zh/{slug}/index.html")
            if token not in page:
                sys.exit(f"save {n}: the page does not show the edit after the reload message")
            time.sleep(0.15)  # let the save settle, so that saves are not one burst
    finally:
        path.write_bytes(original)
        server.terminate()
        server.wait()
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)]
    print(f"{path.relative_to(root)}: {len(latencies)} saves, save → reload message (ms): "
          f"median {statistics.median(latencies):.1f}, p95 {p95:.1f}, "
          f"min {latencies[0]:.1f}, max {latencies[-1]:.1f}")


if __name__ == "__main__":
    main()
