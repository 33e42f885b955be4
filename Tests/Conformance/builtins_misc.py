# Assorted builtins: type, isinstance, issubclass, callable, repr, hash, ord, chr, hasattr, dir-free checks.
print(type(0), type(0.0), type(''), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(range(1)), type(3 / 1), type(3 // 1))
class C:
    def method(self):
        return 1
c = C()
print(type(c) is C, isinstance(c, C), isinstance(c, object), issubclass(C, object), callable(C), callable(c))
print(callable(c.method), callable(len), callable(lambda: 0), callable('x'), callable(None))
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, float), isinstance('s', str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(True, bool), isinstance(True, int), isinstance(None, object), isinstance(1, (str, int)))
print(issubclass(bool, int), issubclass(int, float), issubclass(float, object), issubclass(C, (int, C)))
print(ord('a'), ord('Z'), ord('0'), ord(' '), ord('\n'), ord('\u00e9'), ord('\u20ac'))
print(chr(97), chr(90), chr(48), repr(chr(10)), chr(233), chr(8364), chr(0x1F600) == '\U0001f600')
print(hasattr('abc', 'upper'), hasattr('abc', 'nope'), hasattr([], 'append'), hasattr(c, 'method'))
print(getattr('abc', 'upper')(), getattr([], 'missing', 'default'), getattr(c, 'method')())
print(repr(1), repr('a'), repr([1]), repr(None), repr(C) == str(C), repr(len) == str(len))
print(hash(42), hash(-1), hash(True), hash(0.5), hash(()) == hash(()), hash('x') == hash('x'))
print(len('\U0001f600'), len('caf\u00e9'), 'e\u0301' == '\u00e9', len('e\u0301'))
print(isinstance(print, object), type(abs(-1)), type(abs(-1.0)), type(round(1.5)), type(divmod(5, 2)))
x = [1, 2, 3]
y = x
print(x is y, x == list(x), x is list(x))
print(str(type(1)), repr(type('a')), str(type(c)).startswith("<class '"), str(C).endswith("C'>"))
for value in [1, 1.0, '1', [1], (1,), {1: 1}, {1}, None, True, C()]:
    print(type(value).__name__, bool(value) if not isinstance(value, C) else 'instance')
print(sorted(['b', 'a'], key=ord), list(map(chr, range(97, 102))), sum(map(ord, 'abc')))
print(max(map(ord, 'hello')), chr(max(map(ord, 'hello'))))
print(print is print, len is len, None is None)
result = print('print returns None')
print(result)
