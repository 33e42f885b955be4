# Optuna's TPE estimators l(x) and g(x) on a fixed history, evaluated at fixed probes.
# Stepped values are all distinct: numpy's default argsort breaks ties in an unspecified order, so
# with repeated values Optuna's bandwidth-to-observation assignment is not reproducible.
import json, math, warnings
import numpy as np
import optuna
from optuna.samplers._tpe.sampler import _split_trials
from optuna.distributions import FloatDistribution, IntDistribution
warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

space = {"a": FloatDistribution(-5, 5), "b": FloatDistribution(1e-4, 1, log=True), "c": IntDistribution(0, 200, step=2)}
study = optuna.create_study()
for i in range(40):
    a = -5 + 10 * ((i * 0.6180339887) % 1)
    b = math.exp(math.log(1e-4) + math.log(1e4) * ((i * 0.4142135623) % 1))
    c = 2 * ((i * 37) % 101)
    value = (a - 1) ** 2 + abs(math.log10(b) + 2) + abs(c - 80) / 40
    study.add_trial(optuna.trial.create_trial(params={"a": a, "b": b, "c": c}, distributions=space, value=value))
sampler = optuna.samplers.TPESampler(seed=0)
trials = study.get_trials(deepcopy=False)
below, above = _split_trials(study, trials, 4)
l = sampler._build_parzen_estimator(study, space, below, handle_below=True)
g = sampler._build_parzen_estimator(study, space, above, handle_below=False)
probes = {"a": np.array([-4.0, 0.5, 1.0, 2.5, 4.9]), "b": np.array([1e-3, 0.01, 0.02, 0.5, 0.9]), "c": np.array([0.0, 80.0, 100.0, 40.0, 200.0])}
print(json.dumps({"below": [t.number for t in below], "l": l.log_pdf(probes).tolist(), "g": g.log_pdf(probes).tolist()}))
