# Prints the golden PED-ANOVA importances used by AnalysisTests.testPedAnova_matchesOptuna5.
# Run with Optuna 5.0.0 (see optuna_pruner_replay.py).
import optuna, math
from optuna.distributions import FloatDistribution, IntDistribution, CategoricalDistribution
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
from optuna.importance import PedAnovaImportanceEvaluator
print(dict(optuna.importance.get_param_importances(study, evaluator=PedAnovaImportanceEvaluator())))
print(dict(optuna.importance.get_param_importances(study, evaluator=PedAnovaImportanceEvaluator(evaluate_on_local=False))))
s2 = optuna.create_study(direction="maximize")
s2.add_trials(study.trials)
print(dict(optuna.importance.get_param_importances(s2, evaluator=PedAnovaImportanceEvaluator(target_quantile=0.3))))
