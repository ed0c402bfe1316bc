#!/usr/bin/python3
"""PyTorch reference for `bench/run.ts`: the same three workloads as bench/models.ts, trained on CPU.

Same layer sizes, data sizes, batch sizes, optimiser (Adam, lr 1e-3) and losses as the tfjs side;
one warm-up epoch, then EPOCHS timed epochs (no shuffling). Prints one JSON object on stdout:

  {"torch": "1.13.0", "threads": 2, "results": {"cnn": {"epochs_ms": [...], "ms": min, "cpu_ms": min CPU, "loss": ...}, ...}}

Usage: /usr/bin/python3 bench/torch_reference.py --threads N [--models cnn,mlp,autoencoder]
       [--epochs 3] [--samples-cnn 512] [--samples-mlp 100000] [--samples-autoencoder 50000]
"""
import argparse
import json
import os
import sys
import time
from torch_common import pin_threads


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)), help="threads of torch and its BLAS (default: all cores)")
    p.add_argument("--models", default="cnn,mlp,autoencoder")
    p.add_argument("--epochs", type=int, default=3, help="timed epochs after one warm-up epoch")
    p.add_argument("--samples-cnn", type=int, default=512)
    p.add_argument("--samples-mlp", type=int, default=100_000)
    p.add_argument("--samples-autoencoder", type=int, default=50_000)
    return p.parse_args()


def build(torch, name):
    """Model, loss, batch size and sample shape of a workload (mirrors bench/models.ts)."""
    nn = torch.nn
    if name == "cnn":
        model = nn.Sequential(
            nn.Conv2d(8, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(6 * 6 * 64, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())
        return model, nn.BCELoss(), 64, (8, 32, 32)  # NCHW
    if name == "mlp":
        model = nn.Sequential(nn.Linear(30, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 1), nn.Sigmoid())
        return model, nn.BCELoss(), 256, (30,)
    if name == "autoencoder":
        model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 16), nn.ReLU(), nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 32))
        return model, nn.MSELoss(), 256, (32,)
    raise ValueError(f"unknown workload {name}")


def make_data(torch, name, samples, shape, seed=20261123):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn((samples, *shape), generator=gen)
    if name == "autoencoder":
        return x, x.clone()
    flat = x.reshape(samples, -1)[:, :64]
    weights = torch.tensor([1.0 if j % 3 == 0 else -0.5 for j in range(flat.shape[1])])
    score = flat @ weights + 0.5 * torch.randn(samples, generator=gen)
    return x, (score > 0).float().unsqueeze(1)


def train_epoch(torch, model, loss_fn, opt, x, y, batch):
    """One epoch: (wall ms, process CPU ms over all threads, mean loss)."""
    start = time.perf_counter()
    cpu_start = time.process_time()
    total = 0.0
    for i in range(0, x.shape[0], batch):
        xb, yb = x[i:i + batch], y[i:i + batch]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
    return (time.perf_counter() - start) * 1000.0, (time.process_time() - cpu_start) * 1000.0, total / x.shape[0]


def main():
    args = parse_args()
    try:
        torch = pin_threads(args.threads)  # before torch loads: see bench/torch_common.py
    except ImportError as err:
        print(json.dumps({"error": f"PyTorch is not installed ({err})"}))
        return 0
    torch.manual_seed(7)
    results = {}
    for name in [m for m in args.models.split(",") if m]:
        samples = getattr(args, f"samples_{name}")
        model, loss_fn, batch, shape = build(torch, name)
        x, y = make_data(torch, name, samples, shape)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        train_epoch(torch, model, loss_fn, opt, x, y, batch)  # warm-up
        epochs = [train_epoch(torch, model, loss_fn, opt, x, y, batch) for _ in range(args.epochs)]
        results[name] = {"epochs_ms": [e[0] for e in epochs], "ms": min(e[0] for e in epochs),
                         "cpu_ms": min(e[1] for e in epochs), "loss": epochs[-1][2]}
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
