# import forms: import m, import m as n, from m import a, b, from m import a as b.
import math
import random as rnd
import json as j
from math import sqrt, floor, ceil
from math import pi as PI, e as E
from json import dumps, loads
import sys
import time
import os.path
print(math.sqrt(25), sqrt(36), floor(2.5), ceil(2.5), PI, E)
rnd.seed(3)
print(rnd.random(), rnd.randint(1, 10))
print(j.dumps({'k': [1, 2]}), dumps([True, None]), loads('{"x": 1.5}'))
print(sys.argv[0].endswith('imports_aliases.py'))
t0 = time.time()
t1 = time.time()
print(t1 >= t0, isinstance(t0, float))
start = time.perf_counter()
print(time.perf_counter() - start >= 0)
print(os.path.basename('/a/b/c.txt'), os.path.dirname('/a/b/c.txt'), os.path.join('a', 'b', 'c.txt'))
print(os.path.splitext('model.tar.gz'), os.path.splitext('README'), os.path.exists('/definitely/not/here'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.split('/a/b'), os.path.normpath('a//b/../c'))
def uses_module():
    import math as mm
    return mm.factorial(6)
print(uses_module())
def local_from():
    from math import gcd
    return gcd(84, 36)
print(local_from())
print(math.floor is floor, j is not None, rnd.choice([1, 2, 3]) in [1, 2, 3])
