# sorted() and list.sort(): keys, reverse, stability, tuples, mixed numeric types.
records = [('alice', 'eng', 85), ('bob', 'ops', 92), ('carol', 'eng', 92), ('dave', 'ops', 85),
           ('erin', 'eng', 78), ('frank', 'hr', 92)]
print(sorted(records, key=lambda r: r[2]))
print(sorted(records, key=lambda r: r[2], reverse=True))
print(sorted(records, key=lambda r: (r[1], -r[2])))
by_dept = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_dept])
step1 = sorted(records, key=lambda r: r[0], reverse=True)
step2 = sorted(step1, key=lambda r: r[2])
print([r[0] for r in step2])
nums = [3, -1, 2.5, 0, -7, 10, 2, True, False]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))
data = [5, 2, 9, 1]
data.sort()
print(data)
data.sort(reverse=True)
print(data)
data.sort(key=lambda v: v % 3)
print(data)
pairs = [(1, 'b'), (1, 'a'), (0, 'z'), (2, 'a'), (0, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs))
matrix = [[3, 2, 1], [1, 2, 3], [2, 3, 1]]
print(sorted(matrix), sorted(matrix, key=sum), sorted(matrix, key=lambda r: r[::-1]))
scores = {'x': 3, 'y': 1, 'z': 2, 'w': 3}
print(sorted(scores), sorted(scores, key=scores.get), sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted('Mississippi'), sorted(set('Mississippi')), ''.join(sorted('sorting')))
print(sorted([]), sorted([1]), sorted((3, 2, 1)), sorted(range(5, 0, -1)))
big = [2 ** 70, -2 ** 70, 0, 1.5, -3, 2 ** 64]
print(sorted(big))
def insertion_sort(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs
print(insertion_sort([9, 7, 5, 3, 1, 2, 4, 6, 8]))
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quicksort([x for x in xs if x > pivot])
print(quicksort([3, 6, 8, 10, 1, 2, 1]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([{'a': 1}, {'b': 2}])
except TypeError as e:
    print('TypeError:', e)
