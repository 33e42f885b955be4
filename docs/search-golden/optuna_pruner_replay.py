# Prints the golden prune steps used by Tests/HPSSearchTests/PrunerOptunaGoldenTests.swift.
# Run with Optuna 5.0.0: python -m venv .venv-optuna && .venv-optuna/bin/pip install optuna==5.0.0
import optuna
from optuna.pruners import *
optuna.logging.set_verbosity(optuna.logging.ERROR)
def f(k, s):
    return ((k * 37 + s * 11) % 17) / 17 + 1.0 / (s + 1) + 0.01 * k
configs = {
  "median": lambda: MedianPruner(),
  "median_warm": lambda: MedianPruner(n_startup_trials=2, n_warmup_steps=3, interval_steps=2),
  "pct25": lambda: PercentilePruner(25.0, n_startup_trials=3),
  "sha_rf2": lambda: SuccessiveHalvingPruner(min_resource=1, reduction_factor=2),
  "sha_auto": lambda: SuccessiveHalvingPruner(),
  "hyperband": lambda: HyperbandPruner(min_resource=1, max_resource=27, reduction_factor=3),
  "threshold": lambda: ThresholdPruner(lower=0.35, upper=1.5, n_warmup_steps=1),
  "patient": lambda: PatientPruner(None, patience=3, min_delta=0.05),
}
for name, make in configs.items():
  for direction in ["minimize", "maximize"]:
    study = optuna.create_study(study_name="golden", direction=direction, pruner=make(), sampler=optuna.samplers.RandomSampler(seed=0))
    out = []
    for k in range(25):
        t = study.ask()
        pruned_at = -1
        for s in range(30 if name != "sha_auto" or k > 0 else 150):
            t.report(f(k, s), s)
            if t.should_prune():
                pruned_at = s
                break
        if pruned_at >= 0:
            study.tell(t, state=optuna.trial.TrialState.PRUNED)
        else:
            study.tell(t, f(k, 29))
        out.append(pruned_at)
    print(f'"{name}_{direction}": {out},')
