# Ends with an uncaught TypeError from mixing str and int.
def describe(name, count):
    return name + ': ' + str(count)
print(describe('apples', 3), describe('pears', 0))
checks = [lambda: 'a' + 'b', lambda: 1 + 2, lambda: [1] + [2], lambda: (1,) + (2,), lambda: 'ab' * 2]
print([c() for c in checks])
bad = [lambda: 'a' + 1, lambda: 1 + 'a', lambda: [1] + (2,), lambda: {} + {}, lambda: None + 1,
       lambda: len(3), lambda: 'x' < 1, lambda: abs('x'), lambda: int([1]), lambda: checks(4)]
for fn in bad:
    try:
        fn()
    except TypeError as e:
        print('TypeError:', e)
def call_with(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except TypeError as e:
        return f'TypeError: {e}'
def two_args(a, b):
    return a + b
print(call_with(two_args, 1))
print(call_with(two_args, 1, 2, 3))
print(call_with(two_args, 1, c=2))
print(call_with(two_args, 1, 2))
def label(item, qty):
    return item + ' x' + qty
def total_length(items):
    return sum(len(i) for i in items)
print(total_length(['ab', 'cde', '']), total_length([[1], (2, 3)]))
try:
    total_length(['ab', 5])
except TypeError as e:
    print('TypeError:', e)
print(label('bolt', '4'))
print('now with an int quantity')
print(label('nut', 4))
