extension FrozenModules {
  static let typing = #"""
"""Type hints are accepted and ignored at run time; these names exist so annotations evaluate."""


class _Hint:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return args[0] if args else None

    def __or__(self, other):
        return self

    def __ror__(self, other):
        return self

    def __repr__(self):
        return "typing." + self._name


Any = _Hint("Any")
Optional = _Hint("Optional")
Union = _Hint("Union")
List = _Hint("List")
Dict = _Hint("Dict")
Tuple = _Hint("Tuple")
Set = _Hint("Set")
FrozenSet = _Hint("FrozenSet")
Callable = _Hint("Callable")
Iterable = _Hint("Iterable")
Iterator = _Hint("Iterator")
Generator = _Hint("Generator")
Sequence = _Hint("Sequence")
Mapping = _Hint("Mapping")
MutableMapping = _Hint("MutableMapping")
Type = _Hint("Type")
Literal = _Hint("Literal")
ClassVar = _Hint("ClassVar")
Final = _Hint("Final")
NoReturn = _Hint("NoReturn")
TYPE_CHECKING = False


def TypeVar(name, *constraints, **kwargs):
    return _Hint(name)


def NewType(name, tp):
    return lambda x: x


def cast(typ, value):
    return value


def overload(function):
    return function


def NamedTuple(typename, fields=()):
    from collections import namedtuple
    return namedtuple(typename, [f[0] for f in fields])
"""#

  static let dataclasses = #"""
"""@dataclass: __init__, __repr__ and __eq__ generated from the class annotations."""

MISSING = object()


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, repr=True, compare=True, init=True):
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.init = init
        self.name = None


def field(*, default=MISSING, default_factory=MISSING, repr=True, compare=True, init=True):
    return Field(default, default_factory, repr, compare, init)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def _process(cls, init, repr_, eq, order, frozen):
    annotations = {}
    for base in reversed(cls.__mro__):
        annotations.update(base.__dict__.get("__annotations__", {}))
    specs = {}
    for name in annotations:
        value = getattr(cls, name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        specs[name] = f
        if isinstance(value, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = specs
    names = [n for n, f in specs.items() if f.init]

    if init and "__init__" not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            if len(args) > len(names):
                raise TypeError(f"__init__() takes {len(names) + 1} positional arguments but {len(args) + 1} were given")
            for i, name in enumerate(names):
                f = specs[name]
                if i < len(args):
                    value = args[i]
                    if name in kwargs:
                        raise TypeError(f"__init__() got multiple values for argument '{name}'")
                elif name in kwargs:
                    value = kwargs.pop(name)
                elif f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    raise TypeError(f"__init__() missing 1 required positional argument: '{name}'")
                object.__setattr__(self, name, value)
            for name, f in specs.items():
                if not f.init:
                    if f.default_factory is not MISSING:
                        object.__setattr__(self, name, f.default_factory())
                    elif f.default is not MISSING:
                        object.__setattr__(self, name, f.default)
            if kwargs:
                raise TypeError(f"__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        cls.__init__ = __init__

    if repr_ and "__repr__" not in cls.__dict__:
        def __repr__(self):
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n, f in specs.items() if f.repr)
            return f"{type(self).__qualname__}({inner})"
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, n) for n, f in specs.items() if f.compare)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _key(self) == _key(other)
        cls.__eq__ = __eq__
        cls.__hash__ = None

    if order:
        cls.__lt__ = lambda self, other: _key(self) < _key(other)
        cls.__le__ = lambda self, other: _key(self) <= _key(other)
        cls.__gt__ = lambda self, other: _key(self) > _key(other)
        cls.__ge__ = lambda self, other: _key(self) >= _key(other)

    if frozen:
        def __setattr__(self, name, value):
            raise AttributeError(f"cannot assign to field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__hash__ = lambda self: hash(_key(self))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    result = {}
    for name in obj.__dataclass_fields__:
        value = getattr(obj, name)
        if hasattr(value, "__dataclass_fields__"):
            value = asdict(value)
        elif isinstance(value, list):
            value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
        result[name] = value
    return result


def astuple(obj):
    return tuple(getattr(obj, name) for name in obj.__dataclass_fields__)


def replace(obj, **changes):
    values = {name: getattr(obj, name) for name in obj.__dataclass_fields__}
    values.update(changes)
    return type(obj)(**values)


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")
"""#
}
