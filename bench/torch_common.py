"""Shared pieces of the PyTorch references of the benchmarks (bench/*_torch.py, bench/torch_reference.py).

`pin_threads(n)` must run before torch is first imported: torch.set_num_threads covers ATen's OpenMP
pool only, and Debian's torch also calls the pthread build of OpenBLAS, which otherwise starts a thread
per core, so a "1 thread" figure would use every core. `min_epoch_ms` times full training epochs.
"""
import os
import time


def pin_threads(n):
    """Pins OpenMP, OpenBLAS and MKL to `n` threads, then imports torch, sets its pool and returns it."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(n)
    import torch

    torch.set_num_threads(n)
    return torch


def min_epoch_ms(torch, model, opt, loss_fn, x, y, batch, epochs):
    """Trains `model` one warm-up epoch, then `epochs` timed epochs (shuffled batches); the fastest, in ms."""

    def epoch():
        model.train()
        perm = torch.randperm(x.shape[0])
        for s in range(0, x.shape[0], batch):
            idx = perm[s:s + batch]
            opt.zero_grad()
            loss_fn(model(x[idx]), y[idx]).backward()
            opt.step()

    epoch()
    times = []
    for _ in range(epochs):
        t = time.perf_counter()
        epoch()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)
