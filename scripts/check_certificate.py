#!/usr/bin/env python3
"""Checks an exported ftc-bench certificate (ftc-adapter/1) in exact rational arithmetic.

Independent of ftc-bench and of floating point: every number of the file is read exactly. A number
with at most 17 significant digits names the double nearest to it (that is how ftc-bench writes
doubles); a longer one is an exact decimal (the double-double weights of the 3-layer constructions).
The network relu(W h + b) ... W h + b is evaluated with fractions.Fraction and
max_i |g(x_i) - z_i| is printed next to the residual the file reports.

    python3 scripts/check_certificate.py adapter.json [--samples N]

--samples N checks the changed samples and N others at random (exact arithmetic is slow: about
1 ms per parameter and sample); without it, every sample.
"""
import argparse
import json
import random
from decimal import Decimal
from fractions import Fraction


def exact(text):
    digits = len(Decimal(text).as_tuple().digits)
    return Fraction(float(text)) if digits <= 17 else Fraction(Decimal(text))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--samples", type=int, default=None)
    args = parser.parse_args()
    with open(args.file) as f:
        doc = json.load(f, parse_float=str, parse_int=str)
    layers = [([[exact(v) for v in row] for row in layer["W"]], [exact(v) for v in layer["b"]])
              for layer in doc["layers"]]
    task = doc["task"]
    x = task["x"]
    z = task["z"]
    changed = sorted({int(t) for t in task.get("T", [])})
    if args.samples is None:
        check = range(len(x))
    else:
        others = [i for i in range(len(x)) if i not in set(changed)]
        random.Random(1).shuffle(others)
        check = changed + others[: args.samples]
    worst = Fraction(0)
    for i in check:
        h = [exact(v) for v in x[i]]
        for depth, (w, b) in enumerate(layers):
            out = [b[r] + sum(w[r][c] * h[c] for c in range(len(h))) for r in range(len(b))]
            h = out if depth == len(layers) - 1 else [max(v, Fraction(0)) for v in out]
        worst = max(worst, abs(h[0] - exact(z[i])))
    print(f"{doc['construction']}: max |g(x_i) - z_i| = {float(worst):.3g} over {len(check)} samples"
          f" (exact); the file reports {float(doc['max_abs_residual']):.3g}"
          f" ({doc.get('residual_arithmetic', '?')}), tolerance {float(doc['tolerance']):.3g}")


if __name__ == "__main__":
    main()
