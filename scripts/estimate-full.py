#!/usr/bin/env python3
"""Estimates the `full` profile's wall time on this machine from a finished `standard` run.

    python3 scripts/estimate-full.py benchmarks/results/<machine>/<standard run>

Rough by design (docs/measurements.md says how rough):
- sweep: a per-depth model of milliseconds per training step, t = a*K*w + b*K with w = m
  (depth 2) or (m/2)^2 + 10m (depth 3), least squares over the run's cells; the growth of m_min
  with N (K = 2N) per depth and criterion, fitted over N >= 100; the mean steps per cell at
  N >= 2000. Each added N (full's scaling grid beyond standard's) costs a doubling search up to the
  largest m_min of its criteria, then four bisection cells there, per seed, on one core of two.
- bench: full's point count (the same expansion as bench/BenchPlan) times its forks and iterations,
  plus the per-fork overhead the standard run measured (its bench wall time less its iterations).
"""
import csv
import json
import math
import sys
from pathlib import Path

run = Path(sys.argv[1])
repo = Path(__file__).resolve().parent.parent
cells = list(csv.DictReader(open(run / "cells.csv")))
cap = list(csv.DictReader(open(run / "capacity.csv")))
env = json.load(open(run / "env.json"))


def props(name):
    out = {}
    for line in open(repo / "benchmarks" / "profiles" / f"{name}.properties"):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def n_list(s):
    return [x for x in s.split(",") if x]


full = props("full")

# --- sweep -------------------------------------------------------------------------------------
def feats(depth, k, m):
    w = m if depth == 2 else (m / 2) ** 2 + 10 * m
    return (k * w, k)


def lstsq(xs, ys):
    a11 = sum(x[0] * x[0] for x in xs)
    a12 = sum(x[0] * x[1] for x in xs)
    a22 = sum(x[1] * x[1] for x in xs)
    b1 = sum(x[0] * y for x, y in zip(xs, ys))
    b2 = sum(x[1] * y for x, y in zip(xs, ys))
    det = a11 * a22 - a12 * a12
    return ((b1 * a22 - b2 * a12) / det, (a11 * b2 - a12 * b1) / det)


model = {}
for depth in (2, 3):
    pts = [c for c in cells if int(c["depth"]) == depth and int(c["steps"]) >= 500
           and int(c["wall_ms"]) >= 200]
    model[depth] = lstsq([feats(depth, int(c["K"]), int(c["m"])) for c in pts],
                         [int(c["wall_ms"]) / int(c["steps"]) for c in pts])
    print(f"depth {depth}: ms per step = {model[depth][0]:.3e}*K*w + {model[depth][1]:.3e}*K"
          f" ({len(pts)} cells)")

criteria = full["sweep.scaling.criteria"].split(",")
growth = {}
for depth in ("2", "3"):
    for crit in criteria:
        pts = [(int(r["N"]), int(r["m_min"])) for r in cap
               if r["depth"] == depth and r["criterion"] == crit
               and r["K"] == str(2 * int(r["N"])) and r["m_min"] not in ("", "0")
               and int(r["N"]) >= 100]
        xs = [math.log(n) for n, _ in pts]
        ys = [math.log(m) for _, m in pts]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        growth[(depth, crit)] = (b, my - b * mx)
        print(f"depth {depth} {crit}: m_min ~ N^{b:.2f}")

big = [int(c["steps"]) for c in cells if int(c["N"]) >= 2000]
steps = sum(big) / len(big)
done = {int(r["N"]) for r in cap}
seeds = len(n_list(full["sweep.scaling.seeds"]))
added = 0.0
for depth in ("2", "3"):
    for n in (int(x) for x in n_list(full["sweep.scaling.n"])):
        if n in done:
            continue
        mmax = max(math.exp(growth[(depth, c)][1]) * n ** growth[(depth, c)][0] for c in criteria)
        ms, m = [], 2
        while m < mmax:
            ms.append(m)
            m *= 2
        ms += [m] + [int(mmax)] * 4
        secs = sum((model[int(depth)][0] * feats(int(depth), 2 * n, mm)[0]
                    + model[int(depth)][1] * 2 * n) * (steps if mm >= mmax / 2 else steps / 2)
                   for mm in ms) / 1000
        added += seeds * secs
        print(f"depth {depth}, N = {n}: largest m_min ~{mmax:.0f}, {secs / 60:.0f} min per seed")


def iso(s):
    from datetime import datetime
    return datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00")


sweep_std = (iso(env["end"]) - iso(env["start"])).total_seconds()
print(f"standard's sweep: {sweep_std / 60:.0f} min; full adds {added / 3600:.1f} h of one core"
      f" ({added / 7200:.1f} h on two): full's sweep ~{(sweep_std + added / 2) / 3600:.1f} h")

# --- bench -------------------------------------------------------------------------------------
def points(p):
    benches = p["bench.benchmarks"].split(",")
    depths, ns = len(n_list(p["bench.depth"])), len(n_list(p["bench.N"]))
    prec, modes = len(n_list(p["bench.precision"])), len(n_list(p["bench.fMode"]))
    count = {
        "trainStep": depths * ns * modes * prec,
        "forward": depths * ns * 2,
        "backward": depths * ns * prec,
        "gemm": prec * len(n_list(p["bench.gemm.size"])) + 1,
        "plainJava": len(n_list(p["bench.plainJava.depth"])) * len(n_list(p["bench.plainJava.N"]))
        * len(n_list(p["bench.plainJava.rows"])) * 2,
        "certify": depths * len(n_list(p["bench.certify.N"])),
    }
    return sum(count[b] for b in benches)


def per_fork_iterations(p):
    return (int(p["bench.warmupIterations"]) * int(p["bench.warmupMillis"])
            + int(p["bench.measurementIterations"]) * int(p["bench.measurementMillis"])) / 1000


b = env["bench"]
std = props("standard")
bench_std = (iso(b["end"]) - iso(b["start"])).total_seconds()
std_forks = points(std) * int(std["bench.forks"])
overhead = bench_std / std_forks - per_fork_iterations(std)
full_bench = points(full) * int(full["bench.forks"]) * (per_fork_iterations(full) + overhead)
print(f"standard's bench: {points(std)} points, {bench_std / 60:.0f} min,"
      f" {overhead:.2f} s per fork beyond its iterations")
print(f"full's bench: {points(full)} points x {full['bench.forks']} forks:"
      f" ~{full_bench / 3600:.1f} h")
print(f"full in all: ~{(sweep_std + added / 2 + full_bench) / 3600:.1f} h")
