from math import log, exp
import random as rnd
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(r) for r in zip(*matrix)])
scores = {"a": 3, "b": 7, "c": 5}
print(max(scores, key=scores.get), sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print(*[1, 2, 3], sep=", ")
def hp_space(trial=None, *, low=1e-5, high=1e-3):
    return {"learning_rate": low, "num_train_epochs": int(high * 1000), "seed": 42}
space = hp_space(low=2e-5)
print(space, f"{space['learning_rate']:.1e}", f"{0.000123456:.3g}", f"{1234.5:_.2f}")
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.registry.append(cls.__name__)
class Child(Base): pass
class GrandChild(Child): pass
print(Base.registry)
for i, (k, v) in enumerate(sorted(scores.items())):
    print(i, k, v, end="; ")
print()
s = "The quick brown fox"
print(s.split()[::-1], " ".join(w.capitalize() for w in s.split()), s.lower().count("o"), s[4:9].upper())
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(nums) / len(nums), sorted(set(nums)), nums.index(5), [n for n in nums if n > 3][:2])
d = {}
for w in "a b a c b a".split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d, key=lambda k: (-d[k], k)))
print(round(log(exp(2)), 6), abs(-7) // 2, 2 ** 10 % 1000, 7 / 2, int("42") + float("0.5"))
x = [[0] * 3 for _ in range(2)]
x[0][1] = 5
print(x, [row[:] for row in x] == x, x is not x[:])
print("%s has %d items costing $%.2f" % ("cart", 3, 9.5))
print("{:<10}|{:^10}|{:>10}".format("left", "mid", "right"))
try:
    raise KeyError("missing")
except (KeyError, ValueError) as e:
    print(repr(e), str(e))
print(isinstance([], (list, tuple)), type(None).__name__, type(len).__name__, callable(print))
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@deco
def add(a, b=2):
    return a + b
print(add(1), add(1, b=5))
print(dict(a=1, **{"b": 2}), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(bool(None), None is None, [] == [], {} == dict(), (1,) + (2,), "ab" * 2, [1] * 3)
print(min((3, "c"), (1, "z")), max("hello"), sorted(["B", "a", "C"], key=str.lower))
val = 10
def outer():
    val = 20
    def inner():
        return val
    return inner()
print(outer(), val)
print(f"{'nested ' + str(1)!r:>12}", f"{3+4=}", f"{[1,2][0]}")
print(hex(-255), oct(-8), bin(0), int("-0x10", 16), 0.1 + 0.7, 1e300 * 10, -1e300 * 10)
print(divmod(-7.5, 2), 10 % -3, -10 % 3, 2 ** 0.5 ** 2, (-8) ** (1 / 3) if False else "skip")
print(str(123456789012345678901234567890 * 3), len(str(2 ** 1000)))
import json
print(json.dumps({"nested": {"list": [1, 2, {"x": None}]}}, indent=4, sort_keys=True))
