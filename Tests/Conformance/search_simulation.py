# A miniature seeded random search over a toy objective, in the style of an HPO loop.
import math
import random
random.seed(1234)
def objective(params):
    lr, depth, act = params['lr'], params['depth'], params['activation']
    penalty = {'relu': 0.0, 'tanh': 0.05, 'sigmoid': 0.2}[act]
    return (math.log10(lr) + 2.5) ** 2 + 0.1 * (depth - 6) ** 2 + penalty
def sample_space():
    return {
        'lr': 10 ** random.uniform(-5, -1),
        'depth': random.randint(2, 10),
        'activation': random.choice(['relu', 'tanh', 'sigmoid']),
    }
class Trial:
    def __init__(self, number, params):
        self.number = number
        self.params = params
        self.value = None
        self.state = 'RUNNING'
    def __repr__(self):
        p = self.params
        return f"Trial(#{self.number}, lr={p['lr']:.2e}, depth={p['depth']}, act={p['activation']}, value={self.value:.4f})"
class Study:
    def __init__(self, direction='minimize'):
        self.direction = direction
        self.trials = []
    def optimize(self, fn, n_trials):
        for i in range(n_trials):
            trial = Trial(i, sample_space())
            trial.value = fn(trial.params)
            trial.state = 'COMPLETE'
            self.trials.append(trial)
    def best_trial(self):
        key = lambda t: t.value
        return min(self.trials, key=key) if self.direction == 'minimize' else max(self.trials, key=key)
study = Study()
study.optimize(objective, 25)
for t in study.trials[:5]:
    print(t)
best = study.best_trial()
print('best:', best)
print('best params:', {k: (round(v, 6) if isinstance(v, float) else v) for k, v in best.params.items()})
values = sorted(t.value for t in study.trials)
print('quantiles:', [round(values[int(q * (len(values) - 1))], 4) for q in (0, 0.25, 0.5, 0.75, 1)])
by_act = {}
for t in study.trials:
    by_act.setdefault(t.params['activation'], []).append(t.value)
for act in sorted(by_act):
    vs = by_act[act]
    print(f'{act:<8} n={len(vs):<3} mean={sum(vs) / len(vs):.4f} min={min(vs):.4f}')
grid = [(lr, d) for lr in (1e-4, 1e-3, 1e-2) for d in (4, 6, 8)]
grid_results = [(objective({'lr': lr, 'depth': d, 'activation': 'relu'}), lr, d) for lr, d in grid]
for value, lr, d in sorted(grid_results):
    print(f'grid lr={lr:<7} depth={d} -> {value:.6f}')
def successive_halving(configs, budget_steps):
    survivors = list(configs)
    rung = 0
    while len(survivors) > 1:
        scored = sorted(survivors, key=lambda c: objective(c) + random.gauss(0, 0.1 / (rung + 1)))
        survivors = scored[:max(1, len(scored) // budget_steps)]
        print('rung', rung, 'kept', len(survivors))
        rung += 1
    return survivors[0]
winner = successive_halving([sample_space() for _ in range(27)], 3)
print('halving winner:', winner['depth'], winner['activation'], f"{winner['lr']:.3e}")
