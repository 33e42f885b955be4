# Ends with an uncaught AssertionError that has a message.
def check_probabilities(ps):
    total = sum(ps)
    assert all(p >= 0 for p in ps), 'negative probability'
    assert abs(total - 1.0) < 1e-9, f'probabilities sum to {total}'
    return True
print(check_probabilities([0.5, 0.25, 0.25]))
print(check_probabilities([0.1] * 10))
for ps in ([0.5, 0.6], [-0.1, 1.1], [1.0]):
    try:
        print(ps, check_probabilities(ps))
    except AssertionError as e:
        print(ps, 'AssertionError:', e)
def softmax(xs):
    import math
    m = max(xs)
    exps = [math.exp(x - m) for x in xs]
    s = sum(exps)
    return [e / s for e in exps]
probs = softmax([1.0, 2.0, 3.0])
print([round(p, 6) for p in probs], check_probabilities(probs))
weights = [3, 1, 1]
total = sum(weights)
normalized = [w / total for w in weights]
print(normalized, check_probabilities(normalized))
def check_shape(matrix, rows, cols):
    assert len(matrix) == rows, f'expected {rows} rows, got {len(matrix)}'
    for r in matrix:
        assert len(r) == cols, f'expected {cols} columns, got {len(r)}'
    return (rows, cols)
print(check_shape([[1, 2], [3, 4]], 2, 2))
for m in ([[1, 2, 3]], [[1], [2, 3]]):
    try:
        check_shape(m, 1, 3)
        print('ok shape')
    except AssertionError as e:
        print('AssertionError:', e)
print('checking unnormalized weights')
check_probabilities(weights)
