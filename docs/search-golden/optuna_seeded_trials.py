# What seeded Optuna 5.1.0 draws, for NumpyRandomStateTests and SeededParityTests: numpy's
# RandomState primitives, Optuna's truncated-normal quantile, and whole studies of RandomSampler
# and TPESampler (seeded) on Branin and on a mixed log/int/step/categorical space. hps runs the
# same functions with the same seeds and must suggest the same parameters.
#
# "stable" studies patch np.argsort to a stable sort: numpy's default argsort (SIMD on AVX-512)
# orders equal values in an unspecified way, and which copy of a repeated value gets which
# bandwidth changes TPE's draws. hps breaks such ties in observation order, which is what a
# stable argsort does, so the stable studies must match hps trial for trial; the real ones must
# match up to the first trial whose history holds a repeated value.
import json, math, sys, warnings
import numpy as np
import optuna
from optuna.samplers._tpe import _truncnorm

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)
N_TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 60


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi * math.pi), 5 / math.pi, 1 / (8 * math.pi)
    a = x2 - b * x1 * x1 + c * x1 - 6
    return a * a + 10 * (1 - t) * math.cos(x1) + 10


OPT_COST = {"adam": 0.0, "sgd": 0.7, "rmsprop": 0.3}


def mixed(trial):
    x = trial.suggest_float("x", -5, 5)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    n = trial.suggest_int("n", 1, 256, log=True)
    k = trial.suggest_int("k", 0, 40, step=4)
    opt = trial.suggest_categorical("opt", ["adam", "sgd", "rmsprop"])
    s = trial.suggest_float("s", 0, 1, step=0.05)
    u = math.log10(lr) + 3
    v = math.log2(n) - 5
    return (x - 1.3) * (x - 1.3) + u * u + v * v / 4 + abs(k - 12) / 8 + OPT_COST[opt] + 3 * (s - 0.35) * (s - 0.35)


def conditional(trial):
    kind = trial.suggest_categorical("kind", ["a", "b", "c"])
    if kind == "a":
        xa = trial.suggest_float("xa", -1, 1)
        ya = trial.suggest_float("ya", 1e-3, 1, log=True)
        u = math.log10(ya) + 1.5
        return xa + u * u
    if kind == "b":
        xb = trial.suggest_float("xb", 0, 10)
        return (xb - 3) * (xb - 3) / 10 - 0.5
    return 0.3


def two_objectives(trial):
    x = trial.suggest_float("x", -2, 3)
    y = trial.suggest_float("y", 1e-2, 10, log=True)
    u = math.log10(y)
    return x * x + u * u, (x - 1) * (x - 1) + (u - 0.5) * (u - 0.5)


def study(sampler, objective, directions=None):
    st = optuna.create_study(sampler=sampler, directions=directions)
    st.optimize(objective, n_trials=N_TRIALS)
    return [{"params": t.params, "values": t.values} for t in st.trials]


out = {"optuna_version": optuna.__version__}
seeds = [0, 1, 42, 4294967295]
out["random_sample"] = {str(s): np.random.RandomState(s).random_sample(1000).tolist() for s in seeds}
out["init_by_array"] = np.random.RandomState([4294967289, 4294967295]).random_sample(50).tolist()
rs = np.random.RandomState(3)
lows, highs = [-5.0, 0.0, math.log(1e-5), -0.5, 3.0], [5.0, 1.0, math.log(0.1), 40.5, 3.0]
out["uniform"] = [rs.uniform(lows, highs).tolist() for _ in range(20)]
p = np.array([0.05, 0.3, 0.0, 0.15, 0.2, 0.1, 0.2])
out["choice"] = np.random.RandomState(5).choice(len(p), p=p, size=200).tolist()

rs = np.random.RandomState(7)
n = 300
a = np.concatenate([rs.uniform(-40, 3, n // 2), rs.uniform(-3, 0.5, n // 2)])
b = a + np.concatenate([rs.uniform(1e-3, 50, n // 2), rs.uniform(1e-6, 2, n // 2)])
q = rs.uniform(0, 1, n)
q[:3] = [0.0, 1.0, 0.5]
out["ppf"] = {"q": q.tolist(), "a": a.tolist(), "b": b.tolist(), "x": _truncnorm.ppf(q, a, b).tolist()}

out["random_branin"] = study(optuna.samplers.RandomSampler(seed=11), branin)
out["random_mixed"] = study(optuna.samplers.RandomSampler(seed=12), mixed)
for label in ["real", "stable"]:
    if label == "stable":
        plain_argsort = np.argsort
        np.argsort = lambda a, axis=-1, kind=None, order=None, **kw: plain_argsort(
            a, axis=axis, kind=kind or "stable", order=order, **kw)
    out[f"tpe_branin_{label}"] = study(optuna.samplers.TPESampler(seed=3), branin)
    out[f"tpe_mixed_{label}"] = study(optuna.samplers.TPESampler(seed=4), mixed)
    out[f"tpe_two_objectives_{label}"] = study(optuna.samplers.TPESampler(seed=8), two_objectives, ["minimize", "minimize"])
    out[f"tpe_group_{label}"] = study(optuna.samplers.TPESampler(seed=6, multivariate=True, group=True), conditional)
    out[f"tpe_mixed_univariate_{label}"] = study(optuna.samplers.TPESampler(seed=5, multivariate=False), mixed)
print(json.dumps(out))
