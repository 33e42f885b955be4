"""Optuna + PyTorch: the same search as hps's Trainer.hyperparameter_search, written as a lean
PyTorch loop that does the Trainer's work: AdamW (weight_decay 0), linear decay without warmup,
gradient clipping at 1.0, evaluation each epoch, report + should_prune (MedianPruner).

Given its best shot: batches are slices of pre-stacked tensors (no DataLoader), evaluation is one
forward pass over the 360 rows (the same sample-weighted mean loss as batches of 8), and the
one-off cost of the first torch.optim constructor (it imports torch._dynamo, ~2 s) is paid by a
warm-up before the clock starts, as imports are. --threads and --n-jobs (common.py) pick torch's
intra-op threads and Optuna's parallel trials; hps-bench runs each and reports the fastest."""
import threading
import time

import common
import optuna
import torch
import torch.nn.functional as F

torch.set_num_threads(common.options.threads)
optuna.logging.set_verbosity(optuna.logging.WARNING)
folder, n_trials = common.args()
x_train, y_train, x_test, y_test = (torch.from_numpy(a) for a in common.load(folder))
EPOCHS = 3
# torch.manual_seed is process-wide: with n_jobs > 1 each trial seeds and builds its model under
# this lock, and shuffles with its own generator.
init_lock = threading.Lock()


def mlp():
    return torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 128), torch.nn.ReLU(),
                               torch.nn.Linear(128, 10))


def objective(trial):
    lr, batch = common.space(trial)
    with init_lock:
        torch.manual_seed(42)
        model = mlp()
    shuffle = torch.Generator().manual_seed(42)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0, betas=(0.9, 0.999), eps=1e-8)
    steps_per_epoch = (len(x_train) + batch - 1) // batch
    total = steps_per_epoch * EPOCHS
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, (total - s) / total))
    step = 0
    loss_value = float("nan")
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train), generator=shuffle)
        for i in range(steps_per_epoch):
            idx = order[i * batch:(i + 1) * batch]
            loss = F.cross_entropy(model(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
        model.eval()
        with torch.no_grad():
            loss_value = F.cross_entropy(model(x_test), y_test).item()
        trial.report(loss_value, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return loss_value


def warm_up():
    model = mlp()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1.0)
    F.cross_entropy(model(x_train[:16]), y_train[:16]).backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()


if not common.options.cold:
    warm_up()
study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=0), pruner=optuna.pruners.MedianPruner())
start = time.perf_counter()
study.optimize(objective, n_trials=n_trials, n_jobs=common.options.n_jobs)
wall = time.perf_counter() - start
common.report(wall, study, len([t for t in study.trials if t.state == optuna.trial.TrialState.PRUNED]))
