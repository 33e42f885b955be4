# String literals: quotes, escapes, triple quotes, implicit concatenation, and their reprs.
a = 'single'
b = "double"
c = 'it\'s'
d = "say \"hi\""
e = '''triple
single'''
f = """triple
double with 'quotes' and "quotes"."""
print(a, b, c, d)
print(e)
print(f)
print(repr(a), repr(c), repr(d))
print(repr("both ' and \""))
print('tab\there', 'new\nline', 'back\\slash')
print(repr('tab\there'), repr('new\nline'), repr('back\\slash'))
print('\x41\x42\x43', '\u00e9', '\u4e16\u754c', '\101')
print(len('\u00e9'), len('\u4e16\u754c'), len('abc\n'))
print('implicit' ' concatenation' " works")
long_text = ('first part, '
             'second part, '
             'third part')
print(long_text)
print(repr(''), repr(' '), repr('\x00'), repr('\x7f'), repr('\r'))
print('a' * 3, 'ab' * 0, 3 * 'xy', '-' * 20)
print('abc' + 'def', 'abc' < 'abd', 'Z' < 'a', 'abc' == "abc")
print("multi\
line continuation")
text = """
Indented block
    keeps its spaces
"""
print(text)
print(repr(text))
lines = text.split('\n')
print(lines)
print(len(lines))
s = 'caf\u00e9 \u00fcber na\u00efve'
print(s, s.upper(), len(s))
print(repr(s))
print(ord('a'), ord('\u00e9'), chr(97), chr(233), chr(0x4e16))
print([c for c in 'hello'])
print('hello'[0], 'hello'[-1], 'hello'[1:3])
empty = ''
print(bool(empty), bool('x'), len(empty))
print(str(123), str(1.5), str(None), str(True), str([1, 'a']))
print(repr(123), repr(1.5), repr(None), repr([1, 'a']))
