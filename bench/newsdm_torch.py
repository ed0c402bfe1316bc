"""PyTorch twin of the NEWSdm VGG-like 3D CNN (lib/newsdm/model.ts, `vgg3d`) for bench/newsdm.ts.

usage: python3 bench/newsdm_torch.py SAMPLES SIZE WIDTH BATCH THREADS EPOCHS
Prints one line: ms_per_epoch=<min over EPOCHS timed epochs after one warm-up epoch>.
Input (N, 1, 8, SIZE, SIZE): polarisation as depth, one channel. 4 blocks of two 3x3x3 convolutions
(padding 1) and a max-pool (2x2x2 while the depth is > 1, then 1x2x2), filters doubling from WIDTH;
dense 64, dropout 0.25, one logit. Adam 1e-3, binary cross-entropy.
"""
import sys
from torch_common import min_epoch_ms, pin_threads

samples, size, width, batch, threads, epochs = (int(a) for a in sys.argv[1:7])
torch = pin_threads(threads)
nn = torch.nn
torch.manual_seed(5)

layers, c_in, f, depth, s = [], 1, width, 8, size
for block in range(4):
    if s < 2:
        break
    layers += [nn.Conv3d(c_in, f, 3, padding=1), nn.ReLU(), nn.Conv3d(f, f, 3, padding=1), nn.ReLU()]
    layers.append(nn.MaxPool3d((2 if depth > 1 else 1, 2, 2)))
    depth, s, c_in, f = max(1, depth // 2), s // 2, f, f * 2
model = nn.Sequential(*layers, nn.Flatten(), nn.Linear(c_in * depth * s * s, 64), nn.ReLU(), nn.Dropout(0.25), nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
x = torch.randn(samples, 1, 8, size, size)
y = (torch.rand(samples, 1) > 0.5).float()

print(f"params={sum(p.numel() for p in model.parameters())} ms_per_epoch={min_epoch_ms(torch, model, opt, loss_fn, x, y, batch, epochs):.1f}")
