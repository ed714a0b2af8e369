#!/usr/bin/env python3
"""How ingest's time, memory and output grow with its input.

For each input shape that once made ingest quadratic, writes seeds of n, 2n,
4n, 8n and 16n repetitions, runs `minsheng ingest` on each (a fresh project
each time) and prints wall time, peak memory and the size of the articles,
with the ratio to the size before. A linear ingest shows ratios near 2.

    scripts/ingest-scaling.py [--bin target/release/minsheng] [--steps 5]

Reports only: it never fails on timing.
"""

import argparse
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

HEAD = "江北 实施民生行动\n\n"

# (name, repeated unit, n)
SHAPES = [
    # one line, so at most 20,000 characters (the longest line a seed may have)
    ("figures without punctuation", "1个", 600),
    ("short lines", "短行\n", 10000),
    ("sentences broken by blank lines", "民生实事正在\n\n", 5000),
    ("captions between paragraph halves", "民生实事正在\n\n观音桥 摄/颜萌\n\n", 2000),
    ("headings glued with dashes", "办好民生——\n", 5000),
    ("bylines", "王彩艳 陈佳佳\n", 5000),
]


def run(binary: str, text: str) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in kB (GNU time) and article bytes of one ingest."""
    with tempfile.TemporaryDirectory() as root:
        seeds = pathlib.Path(root, "seeds")
        seeds.mkdir()
        (seeds / "seed.txt").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", binary, "--root", root, "ingest"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        wall = time.perf_counter() - started
        peak = int(done.stderr.strip().splitlines()[-1])
        size = sum(
            f.stat().st_size
            for f in pathlib.Path(root, "content").rglob("*")
            if f.is_file()
        )
        return wall, peak, size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/minsheng")
    ap.add_argument("--steps", type=int, default=5)
    args = ap.parse_args()
    binary = shutil.which(args.bin) or os.path.abspath(args.bin)
    print(f"{'input':<36} {'reps':>7} {'seed KB':>8} {'time s':>7} {'peak MB':>8} {'out KB':>9} {'out ×':>6}")
    for name, unit, n in SHAPES:
        previous = None
        for step in range(args.steps):
            reps = n * 2**step
            text = HEAD + unit * reps
            wall, peak, size = run(binary, text)
            ratio = f"{size / previous:.2f}" if previous else ""
            previous = size
            print(
                f"{name:<36} {reps:>7} {len(text.encode()) / 1024:>8.0f} {wall:>7.2f} "
                f"{peak / 1024:>8.0f} {size / 1024:>9.0f} {ratio:>6}"
            )


if __name__ == "__main__":
    main()
