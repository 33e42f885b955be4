"""Hand-written numpy peer: float32 forward/backward with `@` (the BLAS numpy links), in-place
ReLU, stable softmax cross-entropy, AdamW with PyTorch's formula and weight decay on weights only,
PyTorch's U(±1/sqrt(fan_in)) initialisation, preallocated optimizer state. Thread count is set
through OPENBLAS_NUM_THREADS / OMP_NUM_THREADS by the caller. Timed: the training loop only.
"""
import time

import numpy as np

from common import load, parse_args, report

args = parse_args()
rng = np.random.default_rng(args.seed)
xtr, ytr, xte, yte = load(args.data)
sizes = [xtr.shape[1]] + [int(h) for h in args.hidden.split(",") if h] + [int(ytr.max()) + 1]
W, B = [], []
for i in range(len(sizes) - 1):
    bound = 1.0 / np.sqrt(sizes[i])
    W.append(rng.uniform(-bound, bound, (sizes[i], sizes[i + 1])).astype(np.float32))
    B.append(rng.uniform(-bound, bound, sizes[i + 1]).astype(np.float32))
params = W + B
decays = [True] * len(W) + [False] * len(B)
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]
b1, b2, eps, lr, wd = 0.9, 0.999, 1e-8, args.lr, args.wd
L = len(W)


def forward(x):
    acts = [x]
    for i in range(L):
        z = acts[-1] @ W[i]
        z += B[i]
        if i < L - 1:
            np.maximum(z, 0, out=z)
        acts.append(z)
    return acts


n = xtr.shape[0]
t = 0
start = time.perf_counter()
cpu_start = time.process_time()
for epoch in range(args.epochs):
    perm = rng.permutation(n)
    for s in range(0, n, args.batch):
        idx = perm[s:s + args.batch]
        xb, yb = xtr[idx], ytr[idx]
        acts = forward(xb)
        logits = acts[-1]
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        logits[np.arange(len(yb)), yb] -= 1
        g = logits / np.float32(len(yb))
        grads_w, grads_b = [None] * L, [None] * L
        for i in range(L - 1, -1, -1):
            grads_w[i] = acts[i].T @ g
            grads_b[i] = g.sum(axis=0)
            if i > 0:
                g = g @ W[i].T
                g *= acts[i] > 0
        t += 1
        bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        for k, (p, gr) in enumerate(zip(params, grads_w + grads_b)):
            if decays[k]:
                p *= np.float32(1 - lr * wd)
            m[k] *= b1
            m[k] += np.float32(1 - b1) * gr
            v[k] *= b2
            v[k] += np.float32(1 - b2) * gr * gr
            denom = np.sqrt(v[k]) / np.float32(np.sqrt(bc2)) + np.float32(eps)
            p -= np.float32(lr / bc1) * m[k] / denom
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu_start
acc = float((forward(xte)[-1].argmax(1) == yte).mean())
report(n * args.epochs / elapsed, acc, args.threads, elapsed, cpu)
