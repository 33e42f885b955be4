# Float arithmetic, special values and Python's float printing.
import math
xs = [0.1, 0.25, 1.5, -2.75, 1e10, 1e-10, 123.456]
for x in xs:
    print(x, x * 2, x / 3, x + 0.1, x - 1, x ** 2)
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 3 * 1.1)
print(1 / 3, 2 / 3, 10 / 3, 1 / 7)
print(7.0 // 2, -7.0 // 2, 7.0 % 2.5, -7.0 % 2.5, 7.0 % -2.5)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2.0 ** -1, 2 ** 0.5, 10.0 ** 15, 10.0 ** 16)
print(1e308 * 10, -1e308 * 10)
inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, inf + 1, inf * -1, inf - inf)
print(nan == nan, nan != nan, inf == inf, inf > 1e308)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(123.456, 1), round(123.456, -1))
print(round(1e20), round(-0.4), round(0.6))
print(int(2.9), int(-2.9), float(3), float('3.5'))
print(abs(-0.0), -0.0, 0.0 == -0.0)
print(1.0 == 1, 0.5 < 1, 2.0 > 1.9999999)
print(max(1.5, 2), min(-0.5, 0), sum([0.1] * 10))
print(3.0, 3.5e-7, 2.5e+20, 1.0e16, 12345678901234567.0)
print(float(10 ** 16), float(10 ** 15), 1e16 + 1, 1e16 + 2)
print(0.1 + 0.7, 4.35 * 100, 1.1 + 2.2, 3.3 * 3)
print(5e-324, 5e-324 / 2, 2.2250738585072014e-308)
print(1.7976931348623157e308, 1.7976931348623157e308 * 1.0000001)
vals = [1.0 / n for n in range(1, 12)]
print(vals)
print([round(v, 3) for v in vals])
acc = 0.0
for i in range(1000):
    acc += 0.001
print(acc, acc == 1.0)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(7 / 2, 8 / 2, -7 / 2, 1 / -3)
print(1e-7, 1.5e-7, 0.000001, 0.0000015)
print(123e-20, 1e100, 1.23e100)
print(str(0.1), repr(0.1), '%s' % 0.1, '{}'.format(0.1))
print(float('1e500'), float('-1e500'), float('1e-500'))
