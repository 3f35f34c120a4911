#!/usr/bin/env python3
"""Streaming latency of `myotwitch stream` (Scripts/latency.sh).

Writes a recording (CSV with the time in its first column, seconds) to `myotwitch stream` at
real time — the row stamped t is written t seconds after the first row, in 5 ms batches, as a
live amplifier would — and timestamps every output line as it arrives. An event's lag is its
arrival time minus the wall time at which its end was written: how long after a twitch, cramp,
activity or artifact ends the user learns of it. Events written only because the input ended
(flushed at end of input) are counted apart, since a live stream never ends there.

Usage: latency.py EXECUTABLE RECORDING.csv LABEL [DETAIL.tsv]  → Markdown table rows on stdout;
DETAIL.tsv, when given, gets one line per event: kind, channel, start, end, reason, lag (s).
"""
import json
import os
import subprocess
import sys
import threading
import time


def percentile(values, q):
    """The q-quantile (0–1) by linear interpolation between order statistics."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main():
    executable, recording, label = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(recording, "rb") as f:
        lines = f.read().split(b"\n")
    header, rows = lines[0] + b"\n", [line + b"\n" for line in lines[1:] if line]
    times = [float(row.split(b",", 1)[0]) for row in rows]
    process = subprocess.Popen([executable, "stream"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, bufsize=0)
    arrivals = []

    def read():
        buffer = b""
        while True:
            chunk = process.stdout.read1(65536) if hasattr(process.stdout, "read1") else os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            now = time.monotonic()
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                arrivals.append((now, line))

    reader = threading.Thread(target=read)
    reader.start()
    fd = process.stdin.fileno()
    os.write(fd, header)
    start = time.monotonic()
    first = times[0]
    i = 0
    while i < len(rows):
        due = time.monotonic() - start + first
        j = i
        while j < len(rows) and times[j] <= due:
            j += 1
        if j > i:
            os.write(fd, b"".join(rows[i:j]))
            i = j
        else:
            time.sleep(0.005)
    closed = time.monotonic()
    process.stdin.close()
    reader.join()
    process.wait()

    lags = {}
    flushed = {}
    detail = open(sys.argv[4], "w") if len(sys.argv) > 4 else None
    for arrival, line in arrivals:
        record = json.loads(line)
        if record.get("type") != "event":
            continue
        kind = record["kind"]
        lag = arrival - (start + record["end"] - first)
        if detail:
            where = "flushed" if arrival >= closed else f"{lag:.3f}"
            detail.write(f"{kind}\t{record['channel']}\t{record['start']}\t{record['end']}\t{record.get('reason', '')}\t{where}\n")
        if arrival >= closed:
            flushed[kind] = flushed.get(kind, 0) + 1
            continue
        lags.setdefault(kind, []).append(lag)
    for kind in ["twitch", "cramp", "activity", "artifact"]:
        values = lags.get(kind, [])
        if not values and not flushed.get(kind):
            continue
        median = percentile(values, 0.5)
        p95 = percentile(values, 0.95)
        worst = max(values) if values else float("nan")
        print(f"| {label} | {kind} | {len(values)} | {median:.2f} | {p95:.2f} | {worst:.2f} | {flushed.get(kind, 0)} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
