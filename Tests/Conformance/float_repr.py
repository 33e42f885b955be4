# Printing floats: shortest repr, exponent switch points, inside containers, str() and repr().
values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-4, 1e-5, 1.5e-5,
          123.0, 1234567.0, 1e15, 1e16, 1.5e16, 123456789012345.6, 1234567890123456.7,
          12345678901234567.0, 1e22, 1e100, 1.7976931348623157e308, 5e-324, 2.5e-308,
          3.141592653589793, 2.718281828459045, 100.0 / 7, 9.999999999999999e22]
for v in values:
    print(v, repr(v), str(v), [v], (v,), {'v': v})
print(float('inf'), float('-inf'), float('nan'), [float('inf'), float('nan')])
print(0.1 * 0.1, 0.7 * 3, 1.1 + 2.2, 2.675 * 100, 4.35 * 100)
print(1e16 - 1, 1e16 + 1, 2.0 ** 53, 2.0 ** 53 + 1, 2.0 ** 54)
print(10.0 ** 16, 10.0 ** 15, 10.0 ** -4, 10.0 ** -5)
print(123e-7, 0.00012345, 0.000012345)
for k in range(-8, 20, 3):
    print(k, 10.0 ** k, 1.5 * 10.0 ** k, -2.25 * 10.0 ** k)
x = 0.0
for i in range(10):
    x += 0.1
    print(i, x)
print(sum([0.1] * 10), 0.1 * 10)
print(round(0.1 + 0.2, 10), round(2.5e-5, 6), round(123.456, -2))
print(float(1), float(10 ** 20), float(-7), float('0.1000'), float('1_000.5'))
print(3 / 2, 4 / 2, 7 / 7, -1 / 8, 1 / 1024)
print(2 ** -10, 2.0 ** 100, 2 ** 0.5 * 2 ** 0.5)
print(divmod(10.5, 3), 10.5 // 3, 10.5 % 3)
print(max(0.1, 0.10000000000000001), min(1e-300, 1e-301))
print([x / 10 for x in range(11)])
print({i: i / 4 for i in range(5)})
print(str(1e16), str(1e-16), str(123456789.0), str(0.5))
print(f'{1e16}', f'{0.1}', '{}'.format(2.5e-8), '%s' % 1e300, '%r' % 0.3)
for denominator in (3, 7, 9, 11, 13):
    print(denominator, [n / denominator for n in range(1, 4)])
halves = [0.5 ** k for k in range(0, 60, 7)]
print(halves)
print([2.0 ** k for k in range(50, 60, 3)])
print(-1e-7, -123456.789e3, -0.1, -1e16, -1e-4)
