"""Optuna + scikit-learn: the same space with MLPClassifier (128, 128), adam, 3 epochs; objective
is the log loss on the held-out split. scikit-learn has no intermediate reports, so no pruning."""
import time
import warnings

import common
import optuna
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore", category=ConvergenceWarning)
optuna.logging.set_verbosity(optuna.logging.WARNING)
folder, n_trials = common.args()
x_train, y_train, x_test, y_test = common.load(folder)


def objective(trial):
    lr, batch = common.space(trial)
    model = MLPClassifier(hidden_layer_sizes=(128, 128), solver="adam", learning_rate_init=lr, batch_size=batch,
                          max_iter=3, alpha=0.0, random_state=42)
    model.fit(x_train, y_train)
    return log_loss(y_test, model.predict_proba(x_test), labels=list(range(10)))


study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=0), pruner=optuna.pruners.MedianPruner())
start = time.perf_counter()
study.optimize(objective, n_trials=n_trials, n_jobs=common.options.n_jobs)
wall = time.perf_counter() - start
common.report(wall, study, 0)
