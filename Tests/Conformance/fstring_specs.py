# f-strings with format specs, conversions and nested replacement fields.
x = 3.14159265
n = 1234567
s = 'text'
print(f'{x}', f'{x:.4f}', f'{x:.2e}', f'{x:10.3f}|', f'{x:<10.1f}|', f'{x:^12.5g}|')
print(f'{n:,}', f'{n:_}', f'{n:>12,}', f'{n:e}', f'{n:.3g}', f'{n:x}', f'{n:#o}')
print(f'{s:>8}|', f'{s:<8}|', f'{s:^8}|', f'{s:*^9}', f'{s!r}', f'{s!r:>10}|', f'{s:.2}')
print(f'{-5:05d}', f'{5:+d}', f'{-5:=8}', f'{42:#010b}', f'{255:#X}', f'{0.5:%}', f'{0.123:.1%}')
width = 10
prec = 3
print(f'{x:{width}.{prec}f}|', f'{s:{width}}|', f'{n:>{width},}', f'{x:.{prec}}')
items = [('widget', 4, 3.5), ('gadget', 10, 12.25), ('doohickey', 1, 100.0)]
print(f'{"item":<12}{"qty":>5}{"price":>10}{"total":>12}')
for name, qty, price in items:
    print(f'{name:<12}{qty:>5d}{price:>10.2f}{qty * price:>12,.2f}')
total = sum(q * p for _, q, p in items)
print(f'{"TOTAL":<12}{"":>5}{"":>10}{total:>12,.2f}')
print(f'{1e16:.0f}', f'{1e-5:f}', f'{123.456:g}', f'{1e20:g}', f'{1.5e-7:g}')
print(f'{float("inf"):>6}', f'{float("nan"):^7}|', f'{-0.0}', f'{-0.0:+.1f}', f'{-0.001:z.2f}')
print(f'{True}', f'{True:d}', f'{False:>6}', f'{None}', f'{[1, 2]}', f'{(1,)}', f'{ {"a": 1} }')
print(f'{2 ** 70:,}', f'{-2 ** 70:x}', f'{2 ** 64:e}')
print(f'{"nested {braces}"}', f'{{escaped}}', f'{{{n}}}')
print(f'{x!s:>12}|', f'{"q" * 3!r}', f'{n!r:>10}')
pct = 0.4567
print(f'{pct:.0%} {pct:.2%} {pct:>8.1%}|')
for v in [0, 1, 10, 100, 1000, 10000]:
    print(f'{v:6d}|{v:<6d}|{v:^6d}|{v:06d}|{v:,}')
for v in [0.5, 1.25, 10.125, 100.0625, -3.5]:
    print(f'{v:8.2f}|{v:<8.3f}|{v:+.1f}|{v:08.2f}|{v:e}')
big = 1234567.891
print(f'{big:,.2f} {big:_.3f} {big:015,.2f} {big:.3e}')
name = 'World'
greeting = f'Hello, {name}!'
print(greeting, len(greeting), f'{greeting!r}')
print(f'{len(name)} {name.upper()} {name[::-1]} {name * 2}')
print(f'{3 + 4} {3 * 4:>5} {10 / 4} {10 // 4} {10 % 4}')
d = {'a': 1, 'b': 2}
print(f"{d['a']} {d['b']:03d}")
print(f'{",".join(str(i) for i in range(5))}')
print(f'{"left":<{width}}|{"right":>{width}}|')
