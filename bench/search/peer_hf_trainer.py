"""Transformers' Trainer + Optuna: the guide's own stack, on the same rows. A plain nn.Module that
returns (loss, logits), model_init(trial), TrainingArguments with eval each epoch, and
Trainer.hyperparameter_search(backend="optuna") with TPESampler(seed=0) and MedianPruner."""
import time

import common
import optuna
import torch
import torch.nn.functional as F
from transformers import Trainer, TrainingArguments
from transformers.utils import logging as hf_logging

torch.set_num_threads(common.options.threads)
optuna.logging.set_verbosity(optuna.logging.WARNING)
hf_logging.set_verbosity_error()
folder, n_trials = common.args()
x_train, y_train, x_test, y_test = common.load(folder)


class Rows(torch.utils.data.Dataset):
    def __init__(self, x, y):
        self.x, self.y = torch.from_numpy(x), torch.from_numpy(y)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return {"x": self.x[i], "labels": int(self.y[i])}


class MLP(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 128),
                                       torch.nn.ReLU(), torch.nn.Linear(128, 10))

    def forward(self, x, labels=None):
        logits = self.net(x)
        return (F.cross_entropy(logits, labels), logits) if labels is not None else (logits,)


def hp_space(trial):
    lr, batch = common.space(trial)
    return {"learning_rate": lr, "per_device_train_batch_size": batch}


args = TrainingArguments(output_dir="/tmp/hps-bench-hf", eval_strategy="epoch", save_strategy="no", logging_strategy="no",
                         report_to="none", disable_tqdm=True, use_cpu=True, dataloader_num_workers=0,
                         num_train_epochs=3, seed=42)
trainer = Trainer(model_init=lambda trial: MLP(), args=args, train_dataset=Rows(x_train, y_train),
                  eval_dataset=Rows(x_test, y_test))
storage = optuna.storages.InMemoryStorage()
start = time.perf_counter()
best = trainer.hyperparameter_search(direction="minimize", backend="optuna", hp_space=hp_space, n_trials=n_trials,
                                     compute_objective=lambda m: m["eval_loss"], sampler=optuna.samplers.TPESampler(seed=0),
                                     pruner=optuna.pruners.MedianPruner(), storage=storage, study_name="hf")
wall = time.perf_counter() - start
study = optuna.load_study(study_name="hf", storage=storage)
common.report(wall, study, len([t for t in study.trials if t.state == optuna.trial.TrialState.PRUNED]))
