# Ends with an uncaught ValueError from int() on bad input.
raw = ['12', ' 7 ', '-3', '0x1f', '3.5', 'seven', '', '1e3', '42']
parsed = []
for text in raw:
    try:
        parsed.append(int(text))
    except ValueError as e:
        print('skip', repr(text), '->', e)
print(parsed, sum(parsed))
def parse_pair(s):
    left, right = s.split('=')
    return left.strip(), float(right)
for line in ['lr = 0.01', 'momentum=0.9', 'bad line', 'a=b=c', 'epochs = ten']:
    try:
        print(parse_pair(line))
    except ValueError as e:
        print('ValueError:', e)
try:
    [1, 2, 3].index(4)
except ValueError as e:
    print('ValueError:', e)
try:
    'abc'.index('d')
except ValueError as e:
    print('ValueError:', e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print('ValueError:', e)
def load_config(lines):
    cfg = {}
    for line in lines:
        key, value = line.split(':')
        cfg[key.strip()] = int(value)
    return cfg
print(load_config(['batch: 32', 'epochs: 3']))
print('loading a broken config')
print(load_config(['batch: 32', 'epochs: three']))
