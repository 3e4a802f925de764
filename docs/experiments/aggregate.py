#!/usr/bin/env python3
"""Means over seeds of a sweep.csv, grouped by the named axes: aggregate.py SWEEP_DIR AXIS[,AXIS...] [COLUMN...]"""
import csv, collections, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/sweep.csv")))
axes = sys.argv[2].split(",")
cols = sys.argv[3:] or ["invocations", "mean_e2e_ms", "p99_e2e_ms", "cold_pct", "gpu_cold_starts", "gpu_utilization", "fn_latency_variance"]
groups = collections.defaultdict(list)
for r in rows:
    groups[tuple(r[a] for a in axes)].append(r)
print("| " + " | ".join(axes + cols) + " |")
print("|" + "---|" * (len(axes) + len(cols)))
for key, rs in groups.items():
    vals = []
    for c in cols:
        xs = [float(r[c]) for r in rs if r[c] not in ("", None)]
        m = sum(xs) / len(xs) if xs else float("nan")
        vals.append(f"{m:.3g}" if abs(m) < 1000 else f"{m:.0f}")
    print("| " + " | ".join(list(key) + vals) + " |")
