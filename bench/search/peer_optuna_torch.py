"""Optuna + PyTorch: the same search as hps's Trainer.hyperparameter_search, written as a lean
PyTorch loop that does the Trainer's work: AdamW (weight_decay 0), linear decay without warmup,
gradient clipping at 1.0, evaluation each epoch with batch 8, report + should_prune (MedianPruner)."""
import time

import common
import optuna
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
optuna.logging.set_verbosity(optuna.logging.WARNING)
folder, n_trials = common.args()
x_train, y_train, x_test, y_test = (torch.from_numpy(a) for a in common.load(folder))
EPOCHS = 3


def objective(trial):
    lr, batch = common.space(trial)
    torch.manual_seed(42)
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10))
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0, betas=(0.9, 0.999), eps=1e-8)
    steps_per_epoch = (len(x_train) + batch - 1) // batch
    total = steps_per_epoch * EPOCHS
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, (total - s) / total))
    step = 0
    loss_value = float("nan")
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(x_train))
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
            losses = [F.cross_entropy(model(x_test[j:j + 8]), y_test[j:j + 8]).item() for j in range(0, len(x_test), 8)]
        loss_value = sum(losses) / len(losses)
        trial.report(loss_value, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return loss_value


study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=0), pruner=optuna.pruners.MedianPruner())
start = time.perf_counter()
study.optimize(objective, n_trials=n_trials)
wall = time.perf_counter() - start
common.report(wall, study, len([t for t in study.trials if t.state == optuna.trial.TrialState.PRUNED]))
