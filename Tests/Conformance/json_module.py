# The json module: dumps options, loads, round trips and error messages.
import json
data = {'name': 'trial', 'params': {'lr': 0.001, 'layers': [64, 32], 'dropout': None},
        'ok': True, 'score': 0.9375, 'tags': ['a', 'b'], 'count': 2 ** 70}
text = json.dumps(data)
print(text)
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent='\t', sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent=1))
print(json.dumps('caf\u00e9 \u4e16 \U0001f600'), json.dumps('caf\u00e9', ensure_ascii=False))
print(json.dumps('quote " backslash \\ newline \n tab \t ctrl \x01'))
print(json.dumps([1.0, 1e16, 1e-7, 0.1, -0.0, 3.0e100]))
print(json.dumps([float('nan'), float('inf'), float('-inf')]))
print(json.dumps({1: 'int key', 2.5: 'float key', True: 'bool key', None: 'none key'}))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(None), json.dumps('s'), json.dumps(3))
back = json.loads(text)
print(back == data, back['params']['layers'], type(back['score']), back['count'])
print(json.loads('[1, 2.5, "x", null, true, false, {"a": {}}]'))
print(json.loads('{"b": 1, "a": 2, "b": 3}'))
print(json.loads('"\\u00e9\\n\\ud83d\\ude00"'), json.loads('  42  '), json.loads('-1.5e3'), json.loads('1E400'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('123456789012345678901234567890'))
print(json.loads(json.dumps({'nested': [{'deep': [1, 2, {'x': None}]}]})))
for bad in ['', '[1, 2', '{"a" 1}', '[1,]', '{"a": 1,}', 'nope', '"unterminated', '[1] x', '{1: 2}', '"\\q"']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e.msg, '|', e.pos, e.lineno, e.colno, '|', e)
try:
    json.loads('{\n  "a": 1\n  "b": 2\n}')
except ValueError as e:
    print('ValueError subclass:', e)
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print('ValueError:', e)
try:
    json.dumps({(1, 2): 'tuple key'})
except TypeError as e:
    print('TypeError:', e)
class Thing:
    pass
try:
    json.dumps([Thing()])
except TypeError as e:
    print('TypeError:', e)
print(json.dumps({(1, 2): 'x', 'ok': 1}, skipkeys=True))
config = json.loads('{"trials": 20, "space": {"lr": [1e-5, 1e-1], "batch": [16, 32, 64]}}')
for key, value in config['space'].items():
    print(key, value, type(value[0]).__name__)
print(json.dumps(config, indent=4, sort_keys=True))
