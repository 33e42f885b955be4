# Non-ASCII text: lengths count code points, case mapping, escapes, ordering, repr/ascii.
s = 'na\u00efve caf\u00e9 \u00fcber \u00c5ngstr\u00f6m'
print(s, len(s), s.upper(), s.lower(), s.title())
print(repr(s), ascii(s))
print([ord(c) for c in 'a\u00e9\u4e16'], '\u00e9' > 'e', 'z' < '\u00e9', sorted(['\u00e9', 'e', 'f', 'E']))
cjk = '\u4e16\u754c\u4f60\u597d'
print(cjk, len(cjk), cjk[1], cjk[::-1], cjk * 2, cjk.find('\u4f60'))
emoji = 'hi \U0001f600 \U0001f680!'
print(emoji, len(emoji), emoji[3], repr(emoji), ascii(emoji))
combining = 'e\u0301'
print(combining, len(combining), combining == '\u00e9', repr(combining))
print('\u00df'.upper(), '\u0130'.lower() == 'i\u0307', 'STRASSE'.lower(), '\u00e9'.isalpha(), '\u00b2'.isdigit())
print('\t\n '.isspace(), '\u00a0'.isspace(), 'abc'.isalnum())
print(repr('\x00\x07\x1b\x7f'), repr('\u200b\u2028'), repr('\xa0\xad'))
words = ['\u00e9t\u00e9', 'apple', '\u00c9cole', 'zebra', 'Zoo']
print(sorted(words), sorted(words, key=str.lower), max(words), min(words))
print('-'.join(cjk), len(cjk))
print('\u03b1', '\u03b1\u03b2\u03b3'.upper())
text = 'Gr\u00fc\u00dfe aus K\u00f6ln'
print(text.replace('\u00fc', 'ue').replace('\u00df', 'ss').replace('\u00f6', 'oe'))
counts = {}
for ch in 'h\u00e9h\u00e9\u4e16':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(f'{cjk:>8}|', f'{cjk:*^10}', '{:<6}|'.format('\u00e9'), '%5s|' % '\u00fc')
print('caf\u00e9'.center(10, '\u00b7'), '\u00e9'.join(['a', 'b']), 'a\u00e9b'.split('\u00e9'))
print(chr(0x1F600) == '\U0001f600', ord('\U0001f600'), format(ord('\U0001f600'), 'x'))
print(str(['\u00e9', '\U0001f600', '\x01']), ['\u4e16'])
greek = '\u03b1\u03b2\u03b3\u03b4'
print(greek, greek.upper(), greek.title(), greek[::-1], len(greek), greek.index('\u03b3'))
mixed = ['b', '\u00e1', 'a', 'A', '\u00c1', 'z']
print(sorted(mixed), [ord(c) for c in sorted(mixed)])
print('x\u00e9y'.center(9, '-'), '\u00e9'.ljust(3, '.') + '|', '\u00e9'.rjust(3) + '|')
print('\u00e9\u00e9\u00e9'.count('\u00e9'), 'stra\u00dfe'.replace('\u00df', 'ss'), 'caf\u00e9'.endswith('\u00e9'))
