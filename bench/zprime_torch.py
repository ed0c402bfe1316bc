#!/usr/bin/python3
"""PyTorch side of bench/zprime.ts: the same fastai-style tabular network as lib/zprime/model/tabular.ts
(embeddings per categorical column, standardised + batch-normalised continuous columns, blocks
Linear -> ReLU -> BatchNorm1d -> Dropout, Linear to 2 logits, Adam, cross-entropy), timed for one
training epoch (the fastest of `--epochs`, default 3) after a warm-up epoch, on `--threads` threads (1 or all cores; one process per thread
count, because OpenBLAS's pool is fixed when torch is imported: see torch_common.pin_threads).
Prints one JSON object.

    /usr/bin/python3 bench/zprime_torch.py --cont cont.f32 --cat cat.i32 --y y.u8 --dc 18 \
        --levels 4,7,3,3,3,4 --layers 200,100 --batch 1024 [--threads 1|all]
"""
import argparse
import json
import os
import sys
import time

import numpy as np

from torch_common import pin_threads


def tabular(torch, dc, levels, layers, p):
    """The network of lib/zprime/model/tabular.ts (built after torch is imported with its threads pinned)."""
    nn = torch.nn

    class Tabular(nn.Module):
        def __init__(self):
            super().__init__()
            sizes = [min(600, round(1.6 * n ** 0.56)) for n in levels]
            self.embeds = nn.ModuleList([nn.Embedding(n, s) for n, s in zip(levels, sizes)])
            self.bn_cont = nn.BatchNorm1d(dc)
            blocks, n_in = [], sum(sizes) + dc
            for units in layers:
                blocks += [nn.Linear(n_in, units), nn.ReLU(), nn.BatchNorm1d(units), nn.Dropout(p)]
                n_in = units
            self.body = nn.Sequential(*blocks, nn.Linear(n_in, 2))

        def forward(self, cont, cat):
            emb = torch.cat([e(cat[:, k]) for k, e in enumerate(self.embeds)], 1)
            return self.body(torch.cat([emb, self.bn_cont(cont)], 1))

    return Tabular()


def epoch(torch, model, opt, cont, cat, y, batch, gen):
    order = torch.randperm(len(y), generator=gen)
    loss_fn = torch.nn.CrossEntropyLoss()
    for s in range(0, len(y), batch):
        idx = order[s:s + batch]
        opt.zero_grad()
        loss = loss_fn(model(cont[idx], cat[idx]), y[idx])
        loss.backward()
        opt.step()


def main():
    ap = argparse.ArgumentParser()
    for k in ("cont", "cat", "y", "levels", "layers"):
        ap.add_argument(f"--{k}", required=True)
    ap.add_argument("--dc", type=int, required=True)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--threads", default="1", help="1 or all")
    ap.add_argument("--epochs", type=int, default=3, help="timed epochs after the warm-up (the fastest is reported)")
    a = ap.parse_args()
    n = 1 if a.threads == "1" else (len(os.sched_getaffinity(0)) or 1)
    torch = pin_threads(n)
    levels = [int(v) for v in a.levels.split(",")]
    cont = np.fromfile(a.cont, dtype=np.float32).reshape(-1, a.dc)
    cont = torch.from_numpy((cont - cont.mean(0)) / (cont.std(0) + 1e-6))
    cat = torch.from_numpy(np.fromfile(a.cat, dtype=np.int32).reshape(-1, len(levels)).astype(np.int64))
    y = torch.from_numpy(np.fromfile(a.y, dtype=np.uint8).astype(np.int64))
    torch.manual_seed(0)
    model = tabular(torch, a.dc, levels, [int(v) for v in a.layers.split(",")], 0.1)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    gen = torch.Generator().manual_seed(0)
    epoch(torch, model, opt, cont, cat, y, a.batch, gen)  # warm-up
    times = []
    for _ in range(a.epochs):
        t0 = time.perf_counter()
        epoch(torch, model, opt, cont, cat, y, a.batch, gen)
        times.append((time.perf_counter() - t0) * 1e3)
    results = [{"engine": f"torch {n} thread{'s' if n > 1 else ''}", "epoch_ms": min(times), "epochs_ms": times}]
    json.dump({"torch": torch.__version__, "rows": len(y), "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
