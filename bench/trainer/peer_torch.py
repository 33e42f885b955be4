"""PyTorch eager peer: nn.Sequential MLP, F.cross_entropy, torch.optim.AdamW (default
implementation), weight decay on weights only (Transformers' grouping), constant learning rate,
no gradient clipping. Timed: the training loop only (per-epoch randperm, forward, backward, step).
"""
import time

from common import load, parse_args, report

args = parse_args()
import torch  # noqa: E402  (imported after argument parsing so --help is fast)
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
xtr, ytr, xte, yte = load(args.data)
xtr, ytr, xte, yte = map(torch.from_numpy, (xtr, ytr, xte, yte))
sizes = [xtr.shape[1]] + [int(h) for h in args.hidden.split(",") if h] + [int(ytr.max()) + 1]
layers = []
for i in range(len(sizes) - 1):
    layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
    if i < len(sizes) - 2:
        layers.append(torch.nn.ReLU())
model = torch.nn.Sequential(*layers)
decay = [p for n, p in model.named_parameters() if n.endswith("weight")]
no_decay = [p for n, p in model.named_parameters() if not n.endswith("weight")]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.wd}, {"params": no_decay, "weight_decay": 0.0}],
                        lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
n = xtr.shape[0]
start = time.perf_counter()
cpu_start = time.process_time()
for epoch in range(args.epochs):
    perm = torch.randperm(n)
    for b in range(0, n, args.batch):
        idx = perm[b:b + args.batch]
        loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
with torch.no_grad():
    acc = (model(xte).argmax(1) == yte).float().mean().item()
report(n * args.epochs / elapsed, acc, args.threads, elapsed, cpu)
