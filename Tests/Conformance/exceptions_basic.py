# try/except/else/finally with built-in exceptions, messages and hierarchy.
def attempt(fn, *args):
    try:
        result = fn(*args)
    except ZeroDivisionError as e:
        return f'ZeroDivisionError: {e}'
    except (KeyError, IndexError) as e:
        return f'{type(e).__name__}: {e}'
    except ValueError as e:
        return f'ValueError: {e}'
    except Exception as e:
        return f'other {type(e).__name__}: {e}'
    else:
        return f'ok {result!r}'
print(attempt(lambda: 1 / 0))
print(attempt(lambda: 1 // 0))
print(attempt(lambda: 1 % 0))
print(attempt(lambda: 1.0 / 0))
print(attempt(lambda: {}['k']))
print(attempt(lambda: [][0]))
print(attempt(lambda: 'abc'[10]))
print(attempt(lambda: int('xyz')))
print(attempt(lambda: float('abc')))
print(attempt(lambda: 'a' + 1))
print(attempt(lambda: 1 + 'a'))
print(attempt(lambda: [1] * 'x'))
print(attempt(lambda: None.attr))
print(attempt(lambda: len(5)))
print(attempt(lambda: undefined_name_q))
print(attempt(lambda: 'x'.nope()))
print(attempt(lambda: int('42')))
print(attempt(lambda: {'a': 1}['a']))
print(attempt(lambda: [1, 2].index(3)))
print(attempt(lambda: (1, 2)[5]))
print(attempt(lambda: {}.pop('x')))
print(attempt(lambda: 2 ** -1))
print(attempt(lambda: divmod(1, 0)))
print(attempt(lambda: int(None)))
print(attempt(lambda: sum(['a', 'b'])))
print(attempt(lambda: 3 < 'a'))
print(attempt(lambda: [3, 'a'].sort()))
print(attempt(lambda: hash([])))
print(attempt(lambda: chr(-1)))
print(attempt(lambda: ord('ab')))
print(attempt(lambda: abs('x')))
print(attempt(lambda: max([])))
print(attempt(lambda: 'abc'.index('z')))
print(attempt(lambda: 'a b'.split('')))
print(attempt(lambda: round('x')))
print(attempt(lambda: int('1' * 5, 2)))
print(attempt(lambda: [].remove(1)))
print(attempt(lambda: 'x' * 2.5))
print(attempt(lambda: {1: 2}[[1]]))
try:
    raise ValueError('custom message')
except ValueError as e:
    print('caught', e, e.args, repr(e))
try:
    raise KeyError('k')
except KeyError as e:
    print('KeyError str', str(e), repr(e), e.args)
try:
    raise RuntimeError
except RuntimeError as e:
    print('bare class raised', repr(e), str(e) == '')
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print('inner handler, re-raising')
        raise
except ZeroDivisionError as e:
    print('outer got', e)
try:
    raise TypeError('a', 'b', 3)
except Exception as e:
    print(e, e.args, isinstance(e, TypeError), isinstance(e, Exception))
def check(n):
    if n < 0:
        raise ValueError(f'negative: {n}')
    return n
for n in [1, -2, 3]:
    try:
        print('checked', check(n))
    except ValueError as e:
        print('rejected', e)
try:
    [][1]
except LookupError as e:
    print('LookupError catches', type(e).__name__)
try:
    {}['x']
except LookupError as e:
    print('LookupError catches', type(e).__name__)
try:
    1 / 0
except ArithmeticError as e:
    print('ArithmeticError catches', type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception))
