def count(start=0):
    n = start
    while True:
        yield n
        n += 1

def take(it, k):
    out = []
    for x in it:
        if len(out) >= k:
            break
        out.append(x)
    return out

print(take(count(5), 3))
c = count()
print(next(c), next(c), next(c))

def events():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")

for e in events():
    print("got", e)

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as s:
    print("stop", s.value if hasattr(s, "value") else s.args)

def nested(n):
    for i in range(n):
        if i % 2 == 0:
            yield i
        else:
            for j in range(i):
                yield -j

print(list(nested(5)))

def with_try():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")

print(list(with_try()))

def delegate():
    r = yield from nested(3)
    yield "after"

print(list(delegate()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

