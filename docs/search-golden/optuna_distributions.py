# Prints the golden distribution adjustments used by DistributionTests.testStepAdjustment_matchesOptuna5.
# Run with Optuna 5.0.0 (see optuna_pruner_replay.py).
import warnings
from optuna.distributions import FloatDistribution, IntDistribution
warnings.simplefilter("ignore")
for low, high, step in [(0, 1.05, 0.1), (0.1, 0.75, 0.2), (-1, 1, 0.3), (0.001, 0.0105, 0.001), (0, 1, 0.1), (0.5, 0.5, 0.25), (0, 0.2, 0.3)]:
    d = FloatDistribution(low, high, step=step)
    print(f"({low}, {high}, {step}, {d.high!r}, {str(d.single()).lower()}),")
for low, high, step in [(0, 10, 3), (-5, 7, 4), (1, 1, 2), (3, 4, 2), (0, 100, 7)]:
    d = IntDistribution(low, high, step=step)
    print(f"({low}, {high}, {step}, {d.high}, {str(d.single()).lower()}),")
