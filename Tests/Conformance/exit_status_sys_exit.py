# Ends by calling sys.exit(3): stdout is kept, nothing on stderr, exit status 3.
import sys
def summarize(values):
    return {'n': len(values), 'min': min(values), 'max': max(values), 'mean': sum(values) / len(values)}
runs = [[0.9, 0.85, 0.91], [0.7, 0.72], [0.95]]
for i, r in enumerate(runs):
    s = summarize(r)
    print(f"run {i}: n={s['n']} min={s['min']} max={s['max']} mean={s['mean']:.4f}")
best = max(range(len(runs)), key=lambda i: max(runs[i]))
print('best run', best)
print('exit codes are checked by the harness')
threshold = 0.99
failing = [i for i, r in enumerate(runs) if max(r) < threshold]
print('runs below threshold:', failing)
scores = {'a': 0.91, 'b': 0.72, 'c': 0.95}
for name in sorted(scores, key=scores.get, reverse=True):
    print(f'{name}: {scores[name]:.2f}')
ranked = sorted(scores.items(), key=lambda kv: kv[1])
print(ranked[0], ranked[-1])
print('spread', round(max(scores.values()) - min(scores.values()), 4))
passed = [k for k, v in scores.items() if v >= 0.9]
print('passed', passed, len(passed), 'of', len(scores))
sys.stdout.write('flushing before exit\n')
print('argv length', len(sys.argv))
print('status', 0 if not failing else 3)
if failing:
    print('exiting with status 3')
    sys.exit(3)
print('not reached')
