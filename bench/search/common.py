"""Shared by the search peers: the split hps wrote, the search space, one-line JSON output."""
import json
import os
import sys

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import numpy as np


def load(folder):
    def read(name):
        data = np.loadtxt(os.path.join(folder, name + ".csv"), delimiter=",", skiprows=1, dtype=np.float64)
        return np.ascontiguousarray(data[:, :-1], dtype=np.float32), data[:, -1].astype(np.int64)
    x_train, y_train = read("train")
    x_test, y_test = read("test")
    return x_train, y_train, x_test, y_test


def args():
    folder = sys.argv[1]
    n_trials = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    return folder, n_trials


def space(trial):
    return (trial.suggest_float("learning_rate", 1e-4, 1e-2, log=True),
            trial.suggest_categorical("per_device_train_batch_size", [16, 32, 64, 128]))


def report(wall, study, pruned):
    print(json.dumps({"wall_s": wall, "best_objective": study.best_value, "pruned": pruned,
                      "best_params": study.best_params}))
