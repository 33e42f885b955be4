# A word-frequency report: dicts, sorting by count then word, string methods and formatting.
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us."""
def tokenize(text):
    words = []
    for raw in text.split():
        word = ''.join(ch for ch in raw.lower() if ch.isalpha())
        if word:
            words.append(word)
    return words
words = tokenize(TEXT)
print(len(words), len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, count in top[:10]:
    print(f'{word:<12}{count:>3} {"*" * count}')
lengths = {}
for w in words:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, len(lengths[n]), sorted(set(lengths[n]))[:4])
lines = TEXT.split('\n')
print(len(lines), [len(l) for l in lines], max(lines, key=len)[:20])
first_letters = {}
for w in set(words):
    first_letters[w[0]] = first_letters.get(w[0], 0) + 1
print(sorted(first_letters.items()))
avg = sum(len(w) for w in words) / len(words)
print(f'average word length: {avg:.3f}')
print('longest:', max(words, key=len), 'shortest:', min(words, key=len))
bigrams = {}
for a, b in zip(words, words[1:]):
    key = a + ' ' + b
    bigrams[key] = bigrams.get(key, 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
capitalized = [w for w in TEXT.split() if w[0].isupper()]
print(capitalized)
sentences = TEXT.replace('\n', ' ').split(',')
print(len(sentences), sentences[0], '|', sentences[-1].strip())
vowels = sum(1 for ch in TEXT.lower() if ch in 'aeiou')
consonants = sum(1 for ch in TEXT.lower() if ch.isalpha() and ch not in 'aeiou')
print(vowels, consonants, round(vowels / (vowels + consonants), 4))
print(TEXT.count('it was'), TEXT.lower().count('it was'), TEXT.find('wisdom'), TEXT.rfind('us'))
index = {}
for pos, w in enumerate(words):
    index.setdefault(w, []).append(pos)
print(index['times'], index['age'], index['us'], len(index))
