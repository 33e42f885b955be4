# Building strings: join, repetition, ord/chr arithmetic, ciphers, wrapping and tables.
def caesar(text, shift):
    out = []
    for ch in text:
        if 'a' <= ch <= 'z':
            out.append(chr((ord(ch) - ord('a') + shift) % 26 + ord('a')))
        elif 'A' <= ch <= 'Z':
            out.append(chr((ord(ch) - ord('A') + shift) % 26 + ord('A')))
        else:
            out.append(ch)
    return ''.join(out)
secret = caesar('Hello, World! xyz', 3)
print(secret, caesar(secret, -3))
def run_length(s):
    if not s:
        return ''
    out = []
    current, count = s[0], 1
    for ch in s[1:]:
        if ch == current:
            count += 1
        else:
            out.append(f'{count}{current}')
            current, count = ch, 1
    out.append(f'{count}{current}')
    return ''.join(out)
print(run_length('aaabccddddde'), run_length('a'), repr(run_length('')))
def wrap(text, width):
    lines, line = [], ''
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + ' ' + word
    if line:
        lines.append(line)
    return lines
para = 'The quick brown fox jumps over the lazy dog and keeps running far away from here'
for ln in wrap(para, 20):
    print(f'|{ln:<20}|')
def box(lines):
    width = max(len(l) for l in lines)
    top = '+' + '-' * (width + 2) + '+'
    body = ['| ' + l.ljust(width) + ' |' for l in lines]
    return '\n'.join([top] + body + [top])
print(box(['hps', 'a hyperparameter', 'search workbench']))
def table(rows, headers):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    fmt = ' | '.join('{:<%d}' % w for w in widths)
    out = [fmt.format(*headers), '-+-'.join('-' * w for w in widths)]
    out += [fmt.format(*row) for row in rows]
    return '\n'.join(out)
print(table([('lr', 0.001, 'loguniform'), ('batch', 32, 'categorical'), ('epochs', 3, 'int')], ('name', 'value', 'kind')))
alphabet = ''.join(chr(c) for c in range(ord('a'), ord('z') + 1))
print(alphabet, alphabet.upper()[::2], alphabet[-5:] * 2)
print('-'.join(str(i) for i in range(10)), '+'.join(['x'] * 4), ''.join(reversed(alphabet[:5])))
acc = ''
for i in range(5):
    acc += str(i) * i
print(acc, len(acc))
def slugify(title):
    out = []
    for ch in title.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != '-':
            out.append('-')
    return ''.join(out).strip('-')
print(slugify('  Hello, World! Python 3.11 -- Rocks  '))
def count_vowels(s):
    return {v: s.lower().count(v) for v in 'aeiou'}
print(count_vowels('Programming In Python Is Awesome'))
def is_anagram(a, b):
    return sorted(a.replace(' ', '').lower()) == sorted(b.replace(' ', '').lower())
print(is_anagram('Listen', 'Silent'), is_anagram('Dormitory', 'dirty room'), is_anagram('abc', 'abd'))
print('{:^30}'.format(' centered '), '*'.center(7, '-'), 'x'.rjust(4, '0'))
bar = lambda v, m: '#' * round(20 * v / m) + '.' * (20 - round(20 * v / m))
for label, v in [('a', 3), ('bb', 10), ('ccc', 7)]:
    print(f'{label:>4} {bar(v, 10)} {v}')
