#!/usr/bin/env python3
"""What a user would write instead of ftc-bench: one full-batch Adam step of an adapter g on cached
residuals z, in PyTorch, timed the way `ftc-bench sweep speed` times its own step.

The step is the trained sweep's hot path: loss = mean((g(X) - z)^2) over all K samples, backward,
Adam with step size eta / fan-in per layer (ftc-bench's LayerwiseAdam). g is d -> m -> 1 (depth 2)
or d -> m/2 -> m - m/2 -> 1 (depth 3), He-initialised, output layer zero. One thread, as ftc-bench
trains one adapter per core.

Debian 12: apt-get install python3-torch (PyTorch 1.13), then
    /usr/bin/python3 scripts/pytorch_step.py --k 1000,10000 --m 8,32,128,512 --steps 200
prints CSV: depth,K,d,m,precision,steps,us_per_step (median of 5 timed rounds of `steps` steps).
"""
import argparse
import statistics
import time

import torch


def adapter(depth, d, m, dtype):
    widths = [d, m, 1] if depth == 2 else [d, m // 2, m - m // 2, 1]
    layers = []
    for i in range(len(widths) - 1):
        lin = torch.nn.Linear(widths[i], widths[i + 1], dtype=dtype)
        with torch.no_grad():
            if i < len(widths) - 2:
                torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
                lin.bias.zero_()
            else:
                lin.weight.zero_()
                lin.bias.zero_()
        layers.append(lin)
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    groups = [
        {"params": lin.parameters(), "lr": 0.3 / lin.in_features}
        for lin in net
        if isinstance(lin, torch.nn.Linear)
    ]
    return net, torch.optim.Adam(groups, betas=(0.9, 0.999), eps=1e-8)


def time_steps(depth, k, d, m, dtype, steps, rounds=5):
    gen = torch.Generator().manual_seed(1)
    x = torch.randn(k, d, generator=gen, dtype=dtype)
    z = torch.zeros(k, 1, dtype=dtype)
    z[: k // 10] = torch.rand(k // 10, 1, generator=gen, dtype=dtype) * 2 - 1
    net, opt = adapter(depth, d, m, dtype)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = torch.mean((net(x) - z) ** 2)
        loss.backward()
        opt.step()
        return loss

    for _ in range(max(20, steps // 5)):  # warm-up
        step()
    per_step = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        per_step.append((time.perf_counter() - t0) / steps * 1e6)
    return statistics.median(per_step)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--k", default="1000,10000")
    p.add_argument("--depth", default="2,3")
    p.add_argument("--m", default="8,32,128,512")
    p.add_argument("--precision", default="float32,float64")
    p.add_argument("--d", type=int, default=10)
    p.add_argument("--steps", type=int, default=200)
    a = p.parse_args()
    torch.set_num_threads(1)
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}")
    print("depth,K,d,m,precision,steps,us_per_step")
    for k in map(int, a.k.split(",")):
        for depth in map(int, a.depth.split(",")):
            for m in map(int, a.m.split(",")):
                for prec in a.precision.split(","):
                    dtype = {"float32": torch.float32, "float64": torch.float64}[prec]
                    us = time_steps(depth, k, a.d, m, dtype, a.steps)
                    print(f"{depth},{k},{a.d},{m},{prec},{a.steps},{us:.1f}", flush=True)


if __name__ == "__main__":
    main()
