# Ends with an uncaught ZeroDivisionError from a nested call.
def mean(values):
    return sum(values) / len(values)
def normalize(values):
    m = mean(values)
    spread = max(values) - min(values)
    return [(v - m) / spread for v in values]
print(mean([1, 2, 3, 4]), mean([2.5]))
print(normalize([1, 2, 3, 4, 5]))
print([round(v, 3) for v in normalize([10, 0, 5])])
for pair in [(10, 3), (-7, 2), (1, 0), (0, 5)]:
    a, b = pair
    try:
        print(a, b, a // b, a % b)
    except ZeroDivisionError as e:
        print(a, b, 'ZeroDivisionError:', e)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print('float:', e)
try:
    print(5 % 0.0)
except ZeroDivisionError as e:
    print('float modulo:', e)
try:
    print(divmod(3, 0))
except ZeroDivisionError as e:
    print('divmod:', e)
def rates(counts):
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()}
print(rates({'a': 1, 'b': 3}))
print('constant input next')
print(normalize([7, 7, 7]))
