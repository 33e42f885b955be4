# and / or / not return operands and short-circuit; conditional expressions.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default', '' or [] or 0)
print([] and 'x', [1] and 'x', 'a' or 'b', not 'a', not '', not None, not 0.0)
log = []
def t(name, value):
    log.append(name)
    return value
r = t('a', 0) and t('b', 1)
print(r, log)
log.clear()
r = t('a', 1) and t('b', 2) and t('c', 0) and t('d', 3)
print(r, log)
log.clear()
r = t('a', 0) or t('b', '') or t('c', 'found') or t('d', 'never')
print(r, log)
log.clear()
r = t('a', 1) if t('cond', True) else t('b', 2)
print(r, log)
log.clear()
r = t('a', 1) if t('cond', 0) else t('b', 2)
print(r, log)
def classify(n):
    return 'negative' if n < 0 else 'zero' if n == 0 else 'positive'
print([classify(n) for n in (-3, 0, 4)])
print(bool(0), bool(1), bool(-1), bool(0.0), bool(''), bool(' '), bool([]), bool([0]), bool({}), bool(None))
print(True and False, True or False, not True, not not True)
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not x == 5)
print((x > 3) + (x > 4) + (x > 5))
values = [0, 1, '', 'a', None, [], [0], {}, {'k': 1}, 0.0, 0.5]
print([bool(v) for v in values])
print([v for v in values if v])
print(any(values), all(values), any([]), all([]))
name = ''
print(name or 'anonymous')
config = {'debug': False}
print(config.get('debug') or 'unset', config.get('missing') or 'unset')
a = [1, 2]
b = a or [3]
print(b is a)
print(1 < 2 and 'both' or 'neither')
print(None and 1, 0 or None)
n = 0
while n < 10 and n * n < 30:
    n += 1
print(n)
