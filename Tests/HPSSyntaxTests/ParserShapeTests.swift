import Testing
@testable import HPSSyntax

// The AST of one sample of every construct, as the dumper prints it. Each expectation was checked
// by hand against Python's grammar (precedence, associativity, nesting of elif, etc.).
let parserShapeSamples: [(source: String, dump: String)] = [
  ("x = a if b else c if d else e\n",
   #"""
assign (name x) = (if (name b) (name a) (if (name d) (name c) (name e)))

"""#),
  ("-2**2\n",
   #"""
expr (unary - (binary ** (constant 2) (constant 2)))

"""#),
  ("a < b <= c not in d is not e\n",
   #"""
expr (compare (name a) < (name b) <= (name c) not in (name d) is not (name e))

"""#),
  ("not a and b or c\n",
   #"""
expr (or (and (unary not (name a)) (name b)) (name c))

"""#),
  ("x = 1, 2\n",
   #"""
assign (name x) = (tuple (constant 1) (constant 2))

"""#),
  ("a, *b = c\n",
   #"""
assign (tuple (name a) (starred (name b))) = (name c)

"""#),
  ("a = b = 0\n",
   #"""
assign (name a) = (name b) = (constant 0)

"""#),
  ("x += 1\n",
   #"""
augassign (name x) += (constant 1)

"""#),
  ("x: int = 5\n",
   #"""
annassign (name x) : (name int) = (constant 5)

"""#),
  ("del a, b[1], c.d\n",
   #"""
del (name a) (subscript (name b) (constant 1)) (attr (name c) d)

"""#),
  ("f(a, *b, k=1, **c)\n",
   #"""
expr (call (name f) (name a) (* (name b)) (kw k (constant 1)) (** (name c)))

"""#),
  ("sum(x*x for x in xs if x)\n",
   #"""
expr (call (name sum) (genexp (binary * (name x) (name x)) (for (name x) (name xs) (if (name x)))))

"""#),
  ("a[1:2, ::3]\n",
   #"""
expr (subscript (name a) (tuple (slice (constant 1) (constant 2) _) (slice _ _ (constant 3))))

"""#),
  ("a[::2]\n",
   #"""
expr (subscript (name a) (slice _ _ (constant 2)))

"""#),
  ("a[i]\n",
   #"""
expr (subscript (name a) (name i))

"""#),
  ("[x for x in y for z in x if z if w]\n",
   #"""
expr (listcomp (name x) (for (name x) (name y)) (for (name z) (name x) (if (name z)) (if (name w))))

"""#),
  ("{k: v for k, v in d.items()}\n",
   #"""
expr (dictcomp (name k) (name v) (for (tuple (name k) (name v)) (call (attr (name d) items))))

"""#),
  ("{a, *b}\n",
   #"""
expr (set (name a) (starred (name b)))

"""#),
  ("{**a, \'b\': 1}\n",
   #"""
expr (dict (** (name a)) ((constant "b") (constant 1)))

"""#),
  ("(x := 5)\n",
   #"""
expr (walrus x (constant 5))

"""#),
  ("lambda a, b=1, *c, d, **e: a\n",
   #"""
expr (lambda (a b=(constant 1) *c d **e) (name a))

"""#),
  ("x = 0x_ff + 0o17 + 0b1010 + 1_000 + 1. + .5 + 1e-3 + 2j\n",
   #"""
assign (name x) = (binary + (binary + (binary + (binary + (binary + (binary + (binary + (constant 255) (constant 15)) (constant 10)) (constant 1000)) (constant 1.0)) (constant 0.5)) (constant 0.001)) (constant 2.0j))

"""#),
  ("x = 0xFFFFFFFFFFFFFFFFFF + 123456789012345678901234567890\n",
   #"""
assign (name x) = (binary + (constant 4722366482869645213695) (constant 123456789012345678901234567890))

"""#),
  ("s = \'a\' \"b\" \'\'\'c\'\'\' r\'\\d\'\n",
   #"""
assign (name s) = (constant "abc\\d")

"""#),
  ("b = b\'\\x00ab\' rb\'\\n\'\n",
   #"""
assign (name b) = (constant b"\x00ab\\n")

"""#),
  ("s = f\'a{b!r:>{w}}c{{d}}\' \'e\'\n",
   #"""
assign (name s) = (fstring "a" {(name b) !r :">" {(name w)}} "c{d}e")

"""#),
  ("f\'{x=}\' f\'{x = :>5}\'\n",
   #"""
expr (fstring {(name x) debug="x=" !r} {(name x) debug="x = " :">5"})

"""#),
  ("s = \'\\n\\t\\\\\\\'\\\"\\a\\b\\f\\v\\0\\101\\x41\\u0041\\U00000041\\N{LATIN SMALL LETTER A}\'\n",
   #"""
assign (name s) = (constant "\n\t\\'\"\x07\x08\x0c\x0b\x00AAAAa")

"""#),
  ("@dec\n@dec2(1)\ndef f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\n    \'\'\'doc\'\'\'\n    return a\n",
   #"""
@(name dec)
@(call (name dec2) (constant 1))
def f(a / b:(name int)=(constant 1) *args c d=(constant 2) **kw) -> (name int) doc="doc"
  expr (constant "doc")
  return (name a)

"""#),
  ("class A(B, metaclass=M):\n    \"doc\"\n    x = 1\n    def m(self): pass\n",
   #"""
class A((name B) (kw metaclass (name M))) doc="doc"
  expr (constant "doc")
  assign (name x) = (constant 1)
  def m(self)
    pass

"""#),
  ("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
   #"""
if (name a)
  pass
else
  if (name b)
    pass
  else
    pass

"""#),
  ("while x:\n    break\nelse:\n    continue_ = 1\n",
   #"""
while (name x)
  break
else
  assign (name continue_) = (constant 1)

"""#),
  ("for i, j in z:\n    continue\nelse:\n    pass\n",
   #"""
for (tuple (name i) (name j)) in (name z)
  continue
else
  pass

"""#),
  ("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
   #"""
try
  pass
except (tuple (name A) (name B)) as e
  pass
except (name C)
  pass
except
  pass
else
  pass
finally
  pass

"""#),
  ("with a as b, c:\n    pass\n",
   #"""
with (name a) as (name b), (name c)
  pass

"""#),
  ("with (a as b, c as d):\n    pass\n",
   #"""
with (name a) as (name b), (name c) as (name d)
  pass

"""#),
  ("with (a, b):\n    pass\n",
   #"""
with (name a), (name b)
  pass

"""#),
  ("global a, b\n",
   #"""
global a b

"""#),
  ("def f():\n    global a\n    yield\n    yield 1, 2\n    yield from x\n    x = yield\n",
   #"""
def f()
  global a
  expr (yield)
  expr (yield (tuple (constant 1) (constant 2)))
  expr (yieldfrom (name x))
  assign (name x) = (yield)

"""#),
  ("assert x, \'m\'\n",
   #"""
assert (name x) (constant "m")

"""#),
  ("raise E from e\n",
   #"""
raise (name E) from (name e)

"""#),
  ("raise\n",
   #"""
raise

"""#),
  ("import a.b as c, d\n",
   #"""
import a.b as c, d

"""#),
  ("from .m import (a, b as c,)\n",
   #"""
from .m import a, b as c

"""#),
  ("from ..m.n import *\n",
   #"""
from ..m.n import *

"""#),
  ("from . import x\n",
   #"""
from . import x

"""#),
  ("x = 1; y = 2;\n",
   #"""
assign (name x) = (constant 1)
assign (name y) = (constant 2)

"""#),
  ("x = (1 +\n  2)\n",
   #"""
assign (name x) = (binary + (constant 1) (constant 2))

"""#),
  ("x = 1 + \\\n  2\n",
   #"""
assign (name x) = (binary + (constant 1) (constant 2))

"""#),
  ("print(*a, sep=\'\')\n",
   #"""
expr (call (name print) (* (name a)) (kw sep (constant "")))

"""#),
  ("x = []\ny = ()\nz = {}\n",
   #"""
assign (name x) = (list)
assign (name y) = (tuple)
assign (name z) = (dict)

"""#),
  ("x = (1,)\n",
   #"""
assign (name x) = (tuple (constant 1))

"""#),
  ("x = a.b.c(d)[e]\n",
   #"""
assign (name x) = (subscript (call (attr (attr (name a) b) c) (name d)) (name e))

"""#),
  ("x = ~a | b ^ c & d << e >> f + g - h * i @ j / k // l % m ** n\n",
   #"""
assign (name x) = (binary | (unary ~ (name a)) (binary ^ (name b) (binary & (name c) (binary >> (binary << (name d) (name e)) (binary - (binary + (name f) (name g)) (binary % (binary // (binary / (binary @ (binary * (name h) (name i)) (name j)) (name k)) (name l)) (binary ** (name m) (name n))))))))

"""#),
  ("x = not not a\n",
   #"""
assign (name x) = (unary not (unary not (name a)))

"""#),
  ("x = ...\n",
   #"""
assign (name x) = (constant ...)

"""#),
  ("x = None, True, False\n",
   #"""
assign (name x) = (tuple (constant None) (constant True) (constant False))

"""#),
  ("f(a)(b)\n",
   #"""
expr (call (call (name f) (name a)) (name b))

"""#),
  ("if (n := 10) > 5: pass\n",
   #"""
if (compare (walrus n (constant 10)) > (constant 5))
  pass

"""#),
  ("next((q for q in qs if q), s)\n",
   #"""
expr (call (name next) (genexp (name q) (for (name q) (name qs) (if (name q)))) (name s))

"""#),
]

@Test(arguments: parserShapeSamples.indices)
func parsesConstruct(_ index: Int) {
  let sample = parserShapeSamples[index]
  #expect(dumpOrError(sample.source) == sample.dump, "source: \(sample.source.debugDescription)")
}
