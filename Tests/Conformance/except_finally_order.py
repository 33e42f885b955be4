# The order in which try/except/else/finally blocks run, with return, break and continue.
log = []
def f1():
    try:
        log.append('try')
        return 'from try'
    finally:
        log.append('finally')
print(f1(), log)
log.clear()
def f2():
    try:
        log.append('try')
        raise ValueError('boom')
    except ValueError:
        log.append('except')
        return 'from except'
    else:
        log.append('else')
    finally:
        log.append('finally')
print(f2(), log)
log.clear()
def f3():
    try:
        log.append('try')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
        return 'from else'
    finally:
        log.append('finally')
print(f3(), log)
log.clear()
def f4():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(f4())
def f5():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(f'body {i}')
        finally:
            log.append(f'finally {i}')
    return log
print(f5())
log.clear()
def f6():
    try:
        try:
            log.append('inner try')
            raise KeyError('k')
        finally:
            log.append('inner finally')
    except KeyError as e:
        log.append(f'outer except {e}')
    finally:
        log.append('outer finally')
f6()
print(log)
log.clear()
def f7(n):
    try:
        log.append(f'start {n}')
        if n == 0:
            raise ZeroDivisionError('zero')
        result = 10 // n
    except ZeroDivisionError as e:
        log.append(f'handled {e}')
        result = None
    else:
        log.append('no error')
    finally:
        log.append('cleanup')
    return result
print(f7(2), f7(0), log)
log.clear()
def f8():
    try:
        raise ValueError('first')
    except ValueError:
        try:
            raise TypeError('second')
        except TypeError as e:
            log.append(f'nested {e}')
        log.append('after nested')
    finally:
        log.append('done')
f8()
print(log)
log.clear()
def f9():
    count = 0
    while True:
        try:
            count += 1
            if count == 3:
                return count
        finally:
            log.append(f'loop finally {count}')
print(f9(), log)
def f10():
    try:
        raise ValueError('lost')
    finally:
        return 'finally swallowed the exception'
print(f10())
log.clear()
def f11():
    x = 'initial'
    try:
        return x
    finally:
        x = 'changed'
        log.append(x)
print(f11(), log)
def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 3 == 1:
        raise KeyError(i)
    return i
outcomes = []
for i in range(6):
    try:
        outcomes.append(('ok', risky(i)))
    except ValueError as e:
        outcomes.append(('value', e.args[0]))
    except KeyError as e:
        outcomes.append(('key', e.args[0]))
    finally:
        outcomes.append('f')
print(outcomes)
