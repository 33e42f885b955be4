# Snippets whose CPython 3.11 output is frozen into ConformanceCases.swift by gen_cases.py.
# Each case: (name, source). Keep each small and focused on one behaviour.
CASES = [
("floor_division_signs", "print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)"),
("float_floor_mod", "print(7.5 // 2, -7.5 // 2, 7.5 % -2, -0.0 % 5, 5 % 2.5, divmod(-7, 2), divmod(7.5, -2))"),
("big_ints", "x = 2**64\nprint(x, x * x, -x // 3, x % 7, x - 2**64 + 1, 10**30 // 7, (-10)**21, hex(2**70), int('9'*30) + 1)"),
("int_overflow_promotes", "a = 9223372036854775807\nprint(a + 1, a * 2, -a - 2, (a + 1) - 1, type(a + 1 - 1).__name__)"),
("int_float_mix", "print(1 + 2.5, 3 * 0.5, 1 / 3, 2 ** -1, 2 ** 0.5, 10 / 5, 1 == 1.0, hash(1) == hash(1.0) == hash(True))"),
("comparisons_chain", "x = 5\nprint(1 < x < 10, 1 < x > 10, x == 5 != 6, 'a' < 'b', [1, 2] < [1, 3], (1, 2) == (1, 2), 2**70 > 1e20)"),
("float_repr", "print(0.1, 1e-06, 1e16, 100.0, 1.5e300, -0.0, 3.14159, 1/3, 2.5e-5, 123456789.123, float('inf'), float('nan'))"),
("round_bankers", "print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234, -2), round(1250, -2), round(7.0))"),
("str_repr", r"""print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr('tab\tnl\n'), repr('\x00\x7f'), repr('é'))"""),
("containers_repr", "a = [1, 'x', None, True, 2.0, (1,), ()]\nd = {'k': [1, {2: 3}], 5: 'v'}\nprint(a, d, {1, 2, 3}, set(), frozenset(), (1, 2))"),
("recursive_repr", "a = [1]\na.append(a)\nd = {}\nd['self'] = d\nprint(a, d)"),
("closures_nonlocal", "def mk():\n    n = 0\n    def inc(k=1):\n        nonlocal n\n        n += k\n        return n\n    return inc\nf = mk()\nf(); f(5)\nprint(f())"),
("global_decl", "x = 1\ndef set_x():\n    global x\n    x = 42\nset_x()\nprint(x)"),
("default_args_once", "def f(a, acc=[]):\n    acc.append(a)\n    return acc\nf(1)\nprint(f(2))"),
("late_binding_lambdas", "fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\ngs = [lambda i=i: i for i in range(3)]\nprint([g() for g in gs])"),
("class_body_scope", "class C:\n    x = 10\n    y = x * 2\n    def m(self):\n        return self.y\nprint(C.x, C.y, C().m())"),
("inheritance_super", "class A:\n    def __init__(self, v):\n        self.v = v\n    def who(self):\n        return 'A' + str(self.v)\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 2)\n    def who(self):\n        return 'B>' + super().who()\nb = B(3)\nprint(b.who(), isinstance(b, A), issubclass(B, A), type(b).__name__)"),
("dunders", "class V:\n    def __init__(self, x): self.x = x\n    def __add__(self, o): return V(self.x + o.x)\n    def __radd__(self, o): return V(self.x + o)\n    def __eq__(self, o): return isinstance(o, V) and self.x == o.x\n    def __lt__(self, o): return self.x < o.x\n    def __repr__(self): return f'V({self.x})'\n    def __len__(self): return self.x\n    def __getitem__(self, i): return i * 10\n    def __contains__(self, i): return i == 1\n    def __call__(self, y): return self.x * y\n    def __bool__(self): return self.x != 0\n    def __hash__(self): return hash(self.x)\nprint(V(1) + V(2), sum([V(1), V(2)], 0), V(1) == V(1), sorted([V(3), V(1)]), len(V(4)), V(2)[3], 1 in V(0), V(3)(4), bool(V(0)), len({V(1), V(1)}))"),
("properties_static_class", "class T:\n    def __init__(self): self._v = 1\n    @property\n    def v(self): return self._v\n    @v.setter\n    def v(self, x): self._v = x * 2\n    @staticmethod\n    def s(a): return a + 1\n    @classmethod\n    def c(cls): return cls.__name__\nt = T(); t.v = 5\nprint(t.v, T.s(1), t.s(2), T.c(), t.c())"),
("iter_protocol", "class R:\n    def __init__(self, n): self.i, self.n = 0, n\n    def __iter__(self): return self\n    def __next__(self):\n        if self.i >= self.n: raise StopIteration\n        self.i += 1\n        return self.i\nprint(list(R(3)), sum(R(4)), [x for x in R(2)])"),
("context_manager", "class M:\n    def __enter__(self):\n        print('enter'); return 7\n    def __exit__(self, t, v, tb):\n        print('exit', t.__name__ if t else None); return True\nwith M() as x:\n    print('body', x)\n    raise ValueError('boom')\nprint('after')"),
("try_except_else_finally", "def f(x):\n    try:\n        r = 10 / x\n    except ZeroDivisionError as e:\n        print('except', e)\n        return 'zero'\n    else:\n        print('else')\n        return r\n    finally:\n        print('finally')\nprint(f(2), f(0))"),
("exception_hierarchy", "for exc in [KeyError('k'), IndexError(), ZeroDivisionError(), ValueError('v')]:\n    try:\n        raise exc\n    except LookupError as e:\n        print('lookup', type(e).__name__, repr(e))\n    except ArithmeticError as e:\n        print('arith', type(e).__name__)\n    except Exception as e:\n        print('other', e, e.args)"),
("custom_exception", "class AppError(Exception):\n    def __init__(self, code, msg):\n        super().__init__(msg)\n        self.code = code\ntry:\n    raise AppError(3, 'bad')\nexcept AppError as e:\n    print(e.code, e, e.args, str(e), repr(e))"),
("raise_from_and_context", "try:\n    try:\n        {}['x']\n    except KeyError as e:\n        raise ValueError('wrapped') from e\nexcept ValueError as v:\n    print(type(v.__cause__).__name__, v.__suppress_context__)\ntry:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise TypeError('t')\nexcept TypeError as t:\n    print(type(t.__context__).__name__)"),
("bare_raise", "def f():\n    try:\n        int('x')\n    except ValueError:\n        raise\ntry:\n    f()\nexcept ValueError as e:\n    print('re', e)"),
("assert_msg", "try:\n    assert 1 == 2, 'nope'\nexcept AssertionError as e:\n    print('assert', e)"),
("error_messages", "tests = [lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1][5], lambda: {}['k'], lambda: None.foo, lambda: 5[0], lambda: int('abc'), lambda: 1 / 0, lambda: 1 // 0, lambda: 1.0 / 0, lambda: undefined_name, lambda: len(5), lambda: [].pop(), lambda: (1, 2)[9], lambda: 'abc'[10], lambda: float('x'), lambda: iter(5), lambda: [1, 2] * 'a', lambda: 2 < 'a', lambda: {}.foo()]\nfor t in tests:\n    try:\n        t()\n    except Exception as e:\n        print(type(e).__name__ + ':', e)"),
("call_errors", "def f(x, y=1, *, z=2): pass\nfor call in [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, w=3), lambda: f(1, x=2), lambda: (lambda a, b: 0)(1)]:\n    try:\n        call()\n    except TypeError as e:\n        print(e)"),
("unpacking", "a, b = 1, 2\n(c, d), e = (3, 4), 5\nf, *g, h = range(6)\nprint(a, b, c, d, e, f, g, h)\na, b = b, a\nprint(a, b)\nx = y = [0]\nprint(x is y)"),
("comprehensions", "print([x * y for x in range(3) for y in range(3) if x != y], {k: v for k, v in zip('abc', range(3))}, {x % 3 for x in range(10)}, sum(x for x in range(10) if x % 2), [(i, j) for i in range(2) for j in range(i)])"),
("genexp_lazy", "def gen():\n    i = 0\n    while True:\n        yield i\n        i += 1\nit = (x * x for x in range(10**12))\nprint(next(it), next(it), any(x > 10 for x in range(10**12)))"),
("generators", "def g(n):\n    for i in range(n):\n        yield i\n    return 'done'\ndef h():\n    r = yield from g(3)\n    yield r\nprint(list(h()), list(g(0)), sum(g(5)))"),
("walrus", "data = [1, 5, 12, 3]\nif (n := len(data)) > 3:\n    print('long', n)\nprint([y for x in data if (y := x * 2) > 5])"),
("str_methods", "s = '  Hello, World  '\nprint(s.strip(), s.lstrip(), s.rstrip(), s.split(','), 'a,b,,c'.split(','), 'a b  c'.split(), 'a-b-c'.rsplit('-', 1), '-'.join(['x', 'y']), s.replace('l', 'L', 2), s.find('o'), s.rfind('o'), 'abc'.index('c'), 'aaa'.count('a'), 'x.py'.endswith(('.py', '.txt')), 'Ab'.upper(), 'Ab'.lower(), 'hello world'.title(), 'hello'.capitalize(), 'AbC'.swapcase(), '42'.isdigit(), 'ab'.isalpha(), 'a1'.isalnum(), ' '.isspace(), 'AB'.isupper(), 'ab'.islower(), 'ab'.center(6, '*'), 'ab'.ljust(4) + '|', 'ab'.rjust(4), '-5'.zfill(4), 'a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'l1\\nl2\\r\\nl3'.splitlines(), 'a\\tb'.expandtabs(4))"),
("str_format", "print('{} {}'.format(1, 'a'), '{1}{0}'.format('a', 'b'), '{x}-{y!r}'.format(x=1, y='s'), '{0[1]} {1.real}'.format([5, 6], 3), '{:>8.3f}|{:<5}|{:^7}|{:08.2f}|{:,}|{:x}|{:#b}|{:e}|{:%}'.format(3.14159, 'ab', 'mid', -3.5, 1234567, 255, 5, 12345.678, 0.25), '{{}}'.format(), '{:{w}.{p}f}'.format(2.71828, w=8, p=2))"),
("fstrings", "x, name, v = 3.14159, 'bob', [1, 2]\nprint(f'{x:.2f} {name!r} {v} {x:>10.3f}|{name:^9}|{42:05d}|{1e6:,.1f}|{x=}|{{lit}}|{255:#x}|{-0.5:+.1%}')"),
("percent_format", "print('%d %s %r %5.2f %-4d| %x %o %e %%' % (42, 'str', 'r', 3.14159, 7, 255, 8, 1234.5), '%(a)s-%(b)d' % {'a': 'x', 'b': 2}, '%s' % [1, 2], '%c' % 65)"),
("list_methods", "l = [3, 1, 2]\nl.append(4); l.extend([5, 6]); l.insert(0, 0); l.remove(3)\nprint(l, l.pop(), l.pop(0), l.index(2), l.count(1))\nl.sort(reverse=True); print(l)\nl.reverse(); print(l, l.copy(), l[::2], l[1:-1], l[::-1])\nl[1:3] = [9, 9, 9]; del l[0]; print(l)\nl.clear(); print(l)"),
("sorted_key_stable", "words = ['bb', 'a', 'ccc', 'dd', 'e']\nprint(sorted(words, key=len), sorted(words, key=len, reverse=True), sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted('hello'), max(words, key=len), min([3, 1, 2]), max([], default='none'), min(4, 2, 8))"),
("dict_methods", "d = {'a': 1, 'b': 2}\nd['c'] = 3\nprint(d.get('a'), d.get('z', 0), list(d.keys()), list(d.values()), list(d.items()), d.pop('a'), d.setdefault('e', 5), d)\nd.update({'b': 20}, f=6); print(d, d.popitem(), len(d), 'b' in d, dict.fromkeys('xy', 0), dict(zip('ab', [1, 2])), {**d, 'z': 0})\nprint(sorted(d.keys() & {'b', 'q'}), sorted(d.keys() | {'q'}), {3, 1, 2}, {(1, 2), (0, 5)}, set(range(20, 0, -3)))"),
("set_methods", "s = {1, 2, 3}\ns.add(4); s.discard(9); s.remove(1)\nt = {3, 4, 5}\nprint(sorted(s | t), sorted(s & t), sorted(s - t), sorted(s ^ t), s <= {2, 3, 4, 5}, s.issubset(t), s.isdisjoint({9}), sorted(s.union([7])), sorted(s.intersection(t)), len(s))"),
("builtins_misc", "print(abs(-3), abs(-2.5), pow(2, 10), pow(2, 10, 1000), divmod(17, 5), ord('a'), chr(97), hex(255), oct(8), bin(5), int('ff', 16), int('0x1f', 0), int(3.9), int(-3.9), float('1e3'), float(' 2.5 '), str(12), bool([]), bool('x'), list(range(5, 0, -2)), tuple('ab'), list(reversed([1, 2, 3])), list(enumerate('ab', 1)), list(zip([1, 2], 'ab')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])), any([]), all([]), callable(len), isinstance(1, (str, int)), isinstance(True, int), type(1.0).__name__)"),
("getattr_family", "class O: pass\no = O()\nsetattr(o, 'x', 1)\nprint(getattr(o, 'x'), getattr(o, 'y', 'dflt'), hasattr(o, 'x'), hasattr(o, 'y'))\ndelattr(o, 'x'); print(hasattr(o, 'x'), sorted(vars(O()).keys()))"),
("range_slices", "r = range(10)\nprint(r, len(r), r[2], r[-1], r[2:5], list(r[::3]), 5 in r, 11 in r, range(0, 10, 3).index(6), list(range(5)[::-1]))"),
("string_indexing", "s = 'héllo wörld'\nprint(len(s), s[1], s[-1], s[1:4], s[::-1], s[::2], 'ö' in s, s.upper(), list('ab'), 'x' * 3, 'ab' < 'abc')"),
("math_module", "import math\nprint(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.log(math.e), math.log(8, 2), math.log10(1000), math.exp(0), math.factorial(20), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.inf, math.fsum([0.1] * 10), math.hypot(3, 4), math.trunc(-3.7), math.isnan(math.nan), math.comb(5, 2), math.prod([1, 2, 3, 4]))\ntry:\n    math.sqrt(-1)\nexcept ValueError as e:\n    print(e)"),
("random_module", "import random\nrandom.seed(0)\nprint(random.random())\nrandom.seed(42)\nprint(random.randint(1, 100), random.choice('abcdef'), random.uniform(0, 1), random.randrange(0, 100, 5))\nl = list(range(10)); random.shuffle(l); print(l)\nprint(random.sample(range(100), 5), random.choices('xyz', k=4), round(random.gauss(0, 1), 10))\nr = random.Random(7); print(r.random(), r.randint(1, 6))\nst = random.getstate(); a = random.random(); random.setstate(st); print(a == random.random())"),
("json_module", "import json\ns = json.dumps({'b': [1, 2.5, None, True], 'a': 'x\"y'}, sort_keys=True)\nprint(s)\nprint(json.dumps([1, {'k': 'v'}], indent=2))\nprint(json.loads('{\"x\": [1, 2, {\"y\": null}], \"z\": 1.5e3}'), json.dumps('é'), json.dumps({'a': 1}, separators=(',', ':')))\ntry:\n    json.loads('{bad')\nexcept ValueError as e:\n    print(type(e).__name__, e)"),
("sys_module", "import sys\nprint(sys.getrecursionlimit(), type(sys.argv).__name__)\nsys.stdout.write('written\\n')\nprint('to stderr', file=sys.stderr)\nsys.setrecursionlimit(2000); print(sys.getrecursionlimit())"),
("os_path", "import os.path, os\nprint(os.path.join('a', 'b', 'c.txt'), os.path.basename('/x/y.py'), os.path.dirname('/x/y.py'), os.path.splitext('arch.tar.gz'), os.path.exists('/definitely/not/here'), os.path.join('/abs', '/root'))"),
("print_options", "print(1, 2, 3, sep='-', end='!\\n')\nprint('a', 'b', sep='')\nprint()\nprint('x', end='')\nprint('y')"),
("while_else_break", "i = 0\nwhile i < 5:\n    i += 1\n    if i == 3:\n        continue\n    if i == 10:\n        break\nelse:\n    print('no break', i)\nfor x in range(3):\n    if x == 1:\n        break\nelse:\n    print('unreachable')\nprint('x', x)"),
("string_accumulate", "s = ''\nfor i in range(1000):\n    s += str(i % 10)\nprint(len(s), s[:12])"),
("nested_functions_and_recursion", "def outer():\n    def fact(n):\n        return 1 if n <= 1 else n * fact(n - 1)\n    return fact(25)\nprint(outer())"),
("kwargs_star_args", "def f(*args, **kw):\n    return args, sorted(kw.items())\nprint(f(1, 2, a=3), f(*[1, 2], **{'b': 4}))\ndef g(a, b, /, c, *, d): return a + b + c + d\nprint(g(1, 2, c=3, d=4))"),
("exception_in_generator_expression", "try:\n    sum(1 / x for x in [1, 0])\nexcept ZeroDivisionError as e:\n    print('caught', e)"),
("del_statement", "x = 1\ndel x\ntry:\n    print(x)\nexcept NameError as e:\n    print(e)\nd = {'a': 1, 'b': 2}\ndel d['a']\nl = [1, 2, 3]\ndel l[1]\nprint(d, l)"),
("unbound_local", "x = 1\ndef f():\n    print(x)\n    x = 2\ntry:\n    f()\nexcept UnboundLocalError as e:\n    print(e)"),
("isinstance_bool_int", "print(isinstance(True, int), True + True, True * 3.0, sum([True, True, False]), 1 if True else 0, True == 1, {1: 'a', True: 'b'})"),
("conditional_and_or", "print(0 or 'x', '' and 1, None or [] or 'z', 1 and 2 and 3, not 0, [] is not None)"),
("int_parsing", "print(int('  42  '), int('-0b101', 0), int('1_000'), int('z', 36), float('-inf'), int(True))\nfor bad in ['1.5', '', '0x', '1__0']:\n    try:\n        int(bad)\n    except ValueError as e:\n        print(e)"),
("str_format_spec_errors", "for spec in ['{:d}', '{:z}']:\n    try:\n        print(spec.format('s'))\n    except ValueError as e:\n        print(e)"),
("stopiteration_next_default", "it = iter([1])\nprint(next(it), next(it, 'end'))\ntry:\n    next(it)\nexcept StopIteration:\n    print('stop')"),
("hash_consistency", "print(hash(5) == hash(5.0), hash((1, 2)) == hash((1, 2)), {1.0: 'a'}[1], {(1, 2): 3}[(1, 2)])\ntry:\n    hash([1])\nexcept TypeError as e:\n    print(e)"),
("class_attrs_and_instances", "class Dog:\n    species = 'canis'\n    count = 0\n    def __init__(self, name):\n        self.name = name\n        Dog.count += 1\n    def __str__(self):\n        return 'Dog ' + self.name\nd1, d2 = Dog('a'), Dog('b')\nd1.species = 'x'\nprint(Dog.count, d1.species, d2.species, str(d1), d2, Dog.__name__)"),
("lambda_sorting_and_map", "pairs = [(1, 'one'), (3, 'three'), (2, 'two')]\npairs.sort(key=lambda p: p[1])\nprint(pairs, list(map(lambda x: x ** 2, range(4))))"),
("object_default_repr_eq", "class P: pass\na = P(); b = P()\nprint(a == a, a == b, a != b, str(P)[:17])"),
]
CASES += [
("lazy_generators", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'generators.py')).read()),
]
CASES += [
("mixed_program", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'mixed.py')).read()),
("object_protocol", "class A:\n    def __init__(self):\n        super().__init__()\n        self.x = 1\n    def __repr__(self):\n        return 'A!' + super().__repr__()[:3]\nclass B:\n    def __setattr__(self, k, v):\n        object.__setattr__(self, k, v * 2)\nb = B(); b.y = 4\nprint(repr(A())[:5], str(A())[:5], b.y)\ntry:\n    B(1)\nexcept TypeError as e:\n    print(e)"),
]
CASES += [
("augmented_evaluation_order", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'evaluation_order.py')).read()),
]
CASES += [
("collections_itertools_functools", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'collections_itertools_functools.py')).read()),
]
CASES += [
("dataclasses_typing", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'dataclasses_typing.py')).read()),
]
CASES += [
("operator_string_copy_statistics", open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'operator_string_copy_statistics.py')).read()),
]
CASES += [
("str_translate", 'print("hello world".translate(str.maketrans("lo", "01", " ")), "abc".translate({97: "AA", 98: None}))'),
]
