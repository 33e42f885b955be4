# assert with and without messages, inside functions and loops.
assert True
assert 1 + 1 == 2, 'math still works'
def safe_divide(a, b):
    assert b != 0, f'cannot divide {a} by zero'
    return a / b
print(safe_divide(10, 4))
try:
    safe_divide(1, 0)
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert False
except AssertionError as e:
    print('bare assert:', repr(e), e.args)
try:
    assert [], 'empty list is falsy'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert 0 > 1, ('tuple', 'message')
except AssertionError as e:
    print('AssertionError:', e, e.args)
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b, f'{a} > {b}'
    return True
print(check_sorted([1, 2, 2, 5]))
try:
    check_sorted([1, 3, 2])
except AssertionError as e:
    print('AssertionError:', e)
count = 0
for i in range(5):
    try:
        assert i % 2 == 0, i
        count += 1
    except AssertionError as e:
        print('odd rejected', e)
print(count)
def validate_config(cfg):
    assert isinstance(cfg, dict), 'config must be a dict'
    assert 'lr' in cfg, 'missing lr'
    assert 0 < cfg['lr'] < 1, f"lr out of range: {cfg['lr']}"
    return 'valid'
for cfg in [{'lr': 0.1}, {'lr': 5}, {}, [1]]:
    try:
        print(validate_config(cfg))
    except AssertionError as e:
        print('invalid:', e)
x = 5
assert x == 5
print('all assertions done')
