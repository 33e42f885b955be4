# printf-style % formatting.
print('%s %s' % ('a', 'b'), '%s' % 'single', '%s' % (('tuple', 'inside'),))
print('%d %i %u' % (42, -7, 3), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%x %X %o %#x %#X %#o' % (255, 255, 8, 255, 255, 8))
print('%f %.2f %10.3f| %-10.1f| %+.1f %08.2f' % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159))
print('%e %.2e %E %g %G %.3g %g' % (12345.678, 0.000123, 1e-10, 0.0001, 1e-20, 1234567, 100000))
print('%r %r %r %a' % ('str', 1.5, [1, 'a'], 'caf\u00e9'))
print('%c%c%c' % (72, 'i', 33), '%%', '100%% sure', '%5s|%-5s|' % ('ab', 'cd'))
print('%.3s|%10.2s|' % ('abcdef', 'xyz'))
print('%(name)s is %(age)d years' % {'name': 'Bo', 'age': 7})
print('%(x).2f, %(x)e, %(y)r' % {'x': 2.5, 'y': 'why'})
print('%*d|%-*d|%.*f' % (6, 42, 6, 42, 2, 3.14159))
print('%d' % 3.99, '%d' % -3.99, '%x' % 2 ** 70, '%d' % 2 ** 70, '%s' % 2 ** 70)
print('%s' % None, '%s' % True, '%d' % True, '%s %s' % ([], {}))
print('%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, 3.5))
print('%5.1f%%' % 99.44)
rows = [('alpha', 1, 0.5), ('beta', 22, 12.25), ('gamma', 333, 100.125)]
for name, n, v in rows:
    print('%-8s %5d %10.3f %8.2e' % (name, n, v, v))
print('%s' % [1, 2], '%s' % (1,), '%s and %s' % (1, 2))
print('%i items at %.2f each = %.2f' % (3, 1.1, 3 * 1.1))
print('%10s|%-10s|' % ('right', 'left'))
print('%g %g %g %g %g' % (1.0, 1e16, 1.5e-5, 123456789.0, 0.1))
print('%#g %#.3g %#.0f %#x' % (1.0, 2.5, 3.0, 0))
print('% 5d|% -5d|%+5d|%-+5d|' % (7, 7, 7, 7))
print('%3c|%-3c|' % ('a', 'b'))
print('%s' % 'x' * 3, ('%s' % 'x') * 3)
template = 'Name: %s, Score: %d/%d (%.1f%%)'
for name, score in [('A', 45), ('B', 50), ('C', 33)]:
    print(template % (name, score, 50, 100 * score / 50))
try:
    print('%d %d' % (1,))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%d' % (1, 2))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%d' % 'x')
except TypeError as e:
    print('TypeError:', e)
try:
    print('abc %y' % 1)
except ValueError as e:
    print('ValueError:', e)
try:
    print('%(missing)s' % {'present': 1})
except KeyError as e:
    print('KeyError:', e)
try:
    print('%c' % 'too long')
except TypeError as e:
    print('TypeError:', e)
