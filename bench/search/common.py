"""Shared by the search peers: the split hps wrote, the search space, the run options, one-line JSON output.

Usage: peer_X.py FOLDER [N_TRIALS] [--threads T] [--n-jobs J]
  --threads T: intra-op threads of torch / OpenBLAS (1 by default);
  --n-jobs J: Optuna's n_jobs, trials run on J threads of one process (1 by default);
  --cold: no warm-up before the clock starts (the torch peer then times its one-off lazy import)."""
import argparse
import json
import os

_parser = argparse.ArgumentParser()
_parser.add_argument("folder")
_parser.add_argument("n_trials", nargs="?", type=int, default=30)
_parser.add_argument("--threads", type=int, default=1)
_parser.add_argument("--n-jobs", type=int, default=1)
_parser.add_argument("--cold", action="store_true", help="skip the peer's warm-up (torch: its lazy import is timed)")
options = _parser.parse_args()

# Before numpy/torch load their thread pools.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(options.threads)

import numpy as np


def load(folder):
    def read(name):
        data = np.loadtxt(os.path.join(folder, name + ".csv"), delimiter=",", skiprows=1, dtype=np.float64)
        return np.ascontiguousarray(data[:, :-1], dtype=np.float32), data[:, -1].astype(np.int64)
    x_train, y_train = read("train")
    x_test, y_test = read("test")
    return x_train, y_train, x_test, y_test


def args():
    return options.folder, options.n_trials


def space(trial):
    return (trial.suggest_float("learning_rate", 1e-4, 1e-2, log=True),
            trial.suggest_categorical("per_device_train_batch_size", [16, 32, 64, 128]))


def report(wall, study, pruned):
    print(json.dumps({"wall_s": wall, "best_objective": study.best_value, "pruned": pruned,
                      "best_params": study.best_params, "threads": options.threads, "n_jobs": options.n_jobs}))
