# Function parameters: defaults, keywords, *args, **kwargs, keyword-only, and call forms.
def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'
print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(greeting='Yo', name='Di'))
def collect(*args):
    return args
print(collect(), collect(1), collect(1, 'a', None))
def options(**kwargs):
    return sorted(kwargs.items())
print(options(), options(b=2, a=1))
def everything(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, e=6))
print(everything(*[1, 2, 3], **{'c': 9, 'x': 0}))
def kwonly(*, key, value=None):
    return key, value
print(kwonly(key='k'), kwonly(value=1, key=2))
def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, [0]))
def shared_default(item, bucket=[]):
    bucket.append(item)
    return bucket
print(shared_default(1), shared_default(2))
def area(width, height):
    return width * height
params = {'width': 3, 'height': 4}
print(area(**params), area(*(5, 6)), area(2, height=10))
def variadic_sum(first, *rest):
    total = first
    for r in rest:
        total += r
    return total
print(variadic_sum(1), variadic_sum(1, 2, 3), variadic_sum('a', 'b', 'c'), variadic_sum([1], [2]))
def describe(name, *tags, sep=', ', **attrs):
    parts = [name]
    if tags:
        parts.append(sep.join(tags))
    for k in sorted(attrs):
        parts.append(f'{k}={attrs[k]}')
    return ' | '.join(parts)
print(describe('x'))
print(describe('y', 'red', 'big', size=3, alpha=0.5))
print(describe('z', 'one', sep='+'))
def returns_none():
    pass
def returns_bare():
    return
print(returns_none(), returns_bare())
def multi():
    return 1, [2], {'three': 3}
print(multi())
def forward(*args, **kwargs):
    return describe(*args, **kwargs)
print(forward('fwd', 'tag', k='v'))
def defaults_eval(x, y=len('abc'), z=2 * 3):
    return x + y + z
print(defaults_eval(1), defaults_eval(1, 1), defaults_eval(1, z=0))
def first_class(f, *args):
    return f(*args)
print(first_class(max, 3, 7, 5), first_class(str.upper, 'up'), first_class(greet, 'fn'))
try:
    greet()
except TypeError as e:
    print('TypeError:', e)
try:
    area(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    kwonly('positional')
except TypeError as e:
    print('TypeError:', e)
try:
    area(1, width=2)
except TypeError as e:
    print('TypeError:', e)
try:
    area(1, depth=2)
except TypeError as e:
    print('TypeError:', e)
