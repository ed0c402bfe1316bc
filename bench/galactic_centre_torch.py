"""PyTorch twin of the seed's small GC model (Aasen 2022, table 2) for bench/galactic-centre.ts.

usage: python3 bench/galactic_centre_torch.py MAPS HEIGHT WIDTH BATCH THREADS EPOCHS [large]
Prints one line: ms_per_epoch=<min over EPOCHS timed epochs after one warm-up epoch>.
With `large`, times the seed's large model (table 1, 920x920 RGB, 209,272,789 parameters) instead:
EPOCHS timed batches of BATCH random images after one warm-up batch, and prints
ms_per_batch=<min> and ms_per_epoch=<min x ceil(MAPS / BATCH)>.
Keras' Dense on a feature map acts on the channels of each pixel: a 1x1 convolution here.
"""
import sys, time
from torch_common import min_epoch_ms, pin_threads

maps, height, width, batch, threads, epochs = (int(a) for a in sys.argv[1:7])
torch = pin_threads(threads)
nn = torch.nn
torch.manual_seed(5)


class Small(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 32, 1), nn.ReLU(),
            nn.Conv2d(32, 32, 3), nn.ReLU(), nn.Conv2d(32, 32, 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 3), nn.ReLU(), nn.Flatten())
        with torch.no_grad():
            n = self.features(torch.zeros(1, 3, height, width)).shape[1]
        self.head = nn.Sequential(nn.Linear(n, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x):
        x = x * 0.1
        if self.training:
            x = x + 0.8 * torch.randn_like(x)
        return self.head(self.features(x))


class Large(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 32, 3), nn.ReLU(), nn.BatchNorm2d(32), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.Conv2d(64, 64, 1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Conv2d(64, 64, 1), nn.ReLU(), nn.Flatten())
        self.head = nn.Sequential(nn.Linear(226 * 226 * 64, 64), nn.ReLU(), nn.Linear(64, 10), nn.ReLU(), nn.Linear(10, 1))

    def forward(self, x):
        return self.head(self.features(x))


if len(sys.argv) > 7 and sys.argv[7] == "large":
    model = Large()
    print(f"parameters={sum(p.numel() for p in model.parameters())}", file=sys.stderr)
    opt = torch.optim.Adam(model.parameters(), lr=5e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    xb, yb = torch.rand(batch, 3, 920, 920), torch.ones(batch, 1)
    times = []
    for k in range(epochs + 1):
        t = time.perf_counter()
        opt.zero_grad()
        loss_fn(model(xb), yb).backward()
        opt.step()
        if k > 0:
            times.append((time.perf_counter() - t) * 1000)
    print(f"ms_per_batch={min(times):.1f} ms_per_epoch={min(times) * -(-maps // batch):.1f}")
    sys.exit(0)

model = Small()
opt = torch.optim.Adam(model.parameters(), lr=5e-4)
loss_fn = nn.BCEWithLogitsLoss()
x = torch.rand(maps, 3, height, width) * 20
y = (torch.rand(maps, 1) > 0.5).float()

print(f"ms_per_epoch={min_epoch_ms(torch, model, opt, loss_fn, x, y, batch, epochs):.1f}")
