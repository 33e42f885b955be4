# The math module: constants, rounding, powers, logs, trig, integer helpers.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.hypot(3, 4), math.pow(2, 10), math.exp(1), math.exp(0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(2.9), math.trunc(-2.9))
print(type(math.floor(2.5)), math.floor(5), math.ceil(5.0), math.fabs(-3), math.fabs(2.5))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), round(math.sin(math.pi), 12))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1))
print(math.degrees(math.pi), math.radians(180), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.factorial(0), math.factorial(5), math.factorial(20), math.factorial(30))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.lcm(4, 6), math.gcd(2 ** 40, 10 ** 12))
print(math.comb(5, 2), math.comb(52, 5), math.perm(5, 2), math.perm(5))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.dist((0, 0), (3, 4)), math.sqrt(sum(x * x for x in (1, 2, 2))))
angles = [0, 30, 45, 60, 90]
for a in angles:
    r = math.radians(a)
    print(a, round(math.sin(r), 6), round(math.cos(r), 6))
def newton_sqrt(x, tol=1e-12):
    guess = x / 2
    while abs(guess * guess - x) > tol:
        guess = (guess + x / guess) / 2
    return guess
print(newton_sqrt(2), math.sqrt(2), abs(newton_sqrt(2) - math.sqrt(2)) < 1e-9)
print(math.floor(-0.5), math.ceil(-0.5), math.floor(1e20), math.ceil(2 ** 60 + 0.5))
print(math.exp(700), math.log(1e-300))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.log(0)
except ValueError as e:
    print('ValueError:', e)
try:
    math.factorial(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    math.exp(1000)
except OverflowError as e:
    print('OverflowError:', e)
from math import sqrt, pi as PI, floor
print(sqrt(81), PI, floor(-1.5))
import math as m
print(m.pi == math.pi, m.sqrt(4))
