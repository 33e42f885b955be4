# Prints Optuna 5.0.0's fANOVA and mean-decrease-impurity importances for the 30-trial study of
# optuna_ped_anova.py, averaged over 20 forest seeds (our forest's random draws differ, so
# AnalysisTests compares with a tolerance). Needs scikit-learn in the venv.
import math, statistics
import optuna
from optuna.distributions import FloatDistribution, IntDistribution, CategoricalDistribution
from optuna.importance import FanovaImportanceEvaluator, MeanDecreaseImpurityImportanceEvaluator
optuna.logging.set_verbosity(optuna.logging.ERROR)
d = {"a": FloatDistribution(0, 1), "b": FloatDistribution(1e-3, 1, log=True), "n": IntDistribution(1, 8), "c": CategoricalDistribution(["p", "q", "r"])}
study = optuna.create_study()
for i in range(30):
    a = ((i * 7) % 30) / 29
    b = 10 ** (-3 * ((i * 11) % 30) / 29)
    n = 1 + (i * 5) % 8
    c = ["p", "q", "r"][(i * 2) % 3]
    v = 10 * a + math.log10(b) * 0.3 + 0.1 * n + (0.5 if c == "q" else 0)
    study.add_trial(optuna.trial.create_trial(params={"a": a, "b": b, "n": n, "c": c}, distributions=d, value=v))
for name, make in [("fanova", FanovaImportanceEvaluator), ("mdi", MeanDecreaseImpurityImportanceEvaluator)]:
    runs = [optuna.importance.get_param_importances(study, evaluator=make(seed=s)) for s in range(20)]
    print(name, {k: round(statistics.mean(r[k] for r in runs), 4) for k in ["a", "b", "n", "c"]})
