extension FrozenModules {
  static let functools = #"""
"""Higher-order functions: reduce, partial, wraps, lru_cache, total_ordering, cmp_to_key."""

_missing = object()


def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += [f"{k}={v!r}" for k, v in self.keywords.items()]
        return "functools.partial(" + ", ".join(parts) + ")"


def wraps(wrapped):
    def decorate(wrapper):
        for name in ("__name__", "__qualname__", "__doc__"):
            try:
                setattr(wrapper, name, getattr(wrapped, name))
            except AttributeError:
                pass
        wrapper.__wrapped__ = wrapped
        return wrapper
    return decorate


def lru_cache(maxsize=128, typed=False):
    def decorate(function):
        cache = {}

        def wrapper(*args, **kwargs):
            key = args + tuple(sorted(kwargs.items())) if kwargs else args
            if key in cache:
                return cache[key]
            result = function(*args, **kwargs)
            if maxsize is not None and len(cache) >= maxsize:
                cache.pop(next(iter(cache)))
            cache[key] = result
            return result

        wrapper.cache_clear = cache.clear
        wrapper.__name__ = function.__name__
        wrapper.__doc__ = function.__doc__
        wrapper.__wrapped__ = function
        return wrapper

    if callable(maxsize):
        function, maxsize = maxsize, 128
        return decorate(function)
    return decorate


def cache(function):
    return lru_cache(maxsize=None)(function)


def total_ordering(cls):
    d = cls.__dict__
    if "__lt__" in d:
        if "__le__" not in d:
            cls.__le__ = lambda self, other: self < other or self == other
        if "__gt__" not in d:
            cls.__gt__ = lambda self, other: not (self < other or self == other)
        if "__ge__" not in d:
            cls.__ge__ = lambda self, other: not self < other
    elif "__gt__" in d:
        if "__lt__" not in d:
            cls.__lt__ = lambda self, other: not (self > other or self == other)
        if "__ge__" not in d:
            cls.__ge__ = lambda self, other: self > other or self == other
        if "__le__" not in d:
            cls.__le__ = lambda self, other: not self > other
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

    return K
"""#
}
