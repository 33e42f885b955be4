import Foundation
import Testing
@testable import HPSSyntax

// Seeded fuzzing: random bytes, random token soup and mutations of valid programs must each give
// back a Module or a SyntaxError within a time bound. A failure names the seed that reproduces it
// (set HPS_FUZZ_SEED to rerun one case); the seed of the case in progress is also written to
// `$TMPDIR/hps-syntax-fuzz-seed` so a crash can be traced too.

/// SplitMix64: small, fast and the same on every platform.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let validCorpus: [String] = [
  "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(10))\n",
  "class A(B):\n    '''doc'''\n    def __init__(self, x=1, *a, k, **kw):\n        super().__init__()\n        self.x = [i * 2 for i in range(x) if i % 2]\n",
  "try:\n    x = {'a': 1, **d}\nexcept (KeyError, ValueError) as e:\n    raise RuntimeError('bad') from e\nelse:\n    pass\nfinally:\n    del x\n",
  "for i, (a, *b) in enumerate(zip(xs, ys)):\n    if not a and b or i >= 3:\n        continue\n    while True:\n        break\n    else:\n        pass\n",
  "s = f'{x!r:>{width}} and {y=} {{literal}}' + 'tail' \"more\" r'\\raw'\nb = b'bytes' rb'raw'\n",
  "x = lambda a, b=2, *c, d, **e: a if b else c\ny = [*a, *b]\nz = {1, 2, *c}\nw = a[1:2, ::3, ...]\n",
  "import os.path as p, sys\nfrom .m import (a, b as c,)\nfrom m import *\nglobal g\nassert x, 'msg'\n",
  "@decorator(1)\n@other\ndef g(a, /, b, *, c) -> int:\n    nonlocal_ = (yield)\n    yield from range(3)\n    return -2 ** 2 // 3 % 4 @ m\n",
  "with open('f') as fh, other() as (a, b):\n    data = fh.read(); n = len(data)\n    n += 1; n **= 2; n //= 3; n >>= 1\n",
  "if (n := len(a)) > 10:\n    print(f\"List is too long ({n} elements, expected <= 10)\")\nx = 0x_FF + 0o17 + 0b1 + 1_000.5e-3 + 2j + .5 + 1.\n",
  "def outer():\n    count = 0\n    def inner():\n        nonlocal count\n        count += 1\n        return count\n    return inner\n",
  "matrix = [[1, 2], [3, 4]]\ntotal = sum(x * y for row in matrix for x in row if x for y in row)\nprint(total, sep='', end='\\n')\n",
]

let fuzzVocabulary: [String] = [
  "if", "else", "elif", "while", "for", "in", "not", "and", "or", "is", "def", "class", "return", "yield",
  "lambda", "try", "except", "finally", "with", "as", "import", "from", "global", "nonlocal", "del", "pass",
  "break", "continue", "raise", "assert", "None", "True", "False", "await", "async",
  "x", "y", "foo", "_", "é", "1", "0x1F", "1.5e3", "2j", "0b2", "1_", "'s'", "\"t\"", "'''", "f'{x}'", "f'{", "b'\\x00'",
  "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "->", "@", "=", ":=", "!", "+", "-", "*", "**",
  "/", "//", "%", "|", "&", "^", "~", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "+=", "**=", "//=",
  "\n", "\n    ", "\n        ", "\n\t", " ", "\\\n", "#c\n", "\r", "\u{0C}", "\0", "$", "?",
]

enum FuzzOutcome: Equatable {
  case finished
  case timedOut
}

/// Parses `text` (module, expression and console classification) on a worker thread; gives up
/// after `limit` seconds.
func fuzzParse(_ text: String, limit: Double = 5) -> FuzzOutcome {
  final class Box: @unchecked Sendable { var finished = false }
  let box = Box()
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    let source = SourceFile(name: "fuzz", text: text)
    _ = try? Parser.parseModule(source)
    _ = try? Parser.parseExpression(source)
    _ = Parser.completeness(of: text)
    _ = Lexer.dumpTokens(source)
    box.finished = true
    done.signal()
  }
  thread.stackSize = 1 << 20
  thread.start()
  return done.wait(timeout: .now() + limit) == .success && box.finished ? .finished : .timedOut
}

func fuzzSeeds(base: UInt64, count: Int) -> [UInt64] {
  if let fixed = ProcessInfo.processInfo.environment["HPS_FUZZ_SEED"], let seed = UInt64(fixed) { return [seed] }
  return (0..<UInt64(count)).map { base &+ $0 }
}

func noteSeed(_ seed: UInt64) {
  let path = NSTemporaryDirectory() + "hps-syntax-fuzz-seed"
  try? String(seed).write(toFile: path, atomically: false, encoding: .utf8)
}

func randomBytesInput(seed: UInt64) -> String {
  var random = SeededGenerator(seed: seed)
  let length = Int.random(in: 0...300, using: &random)
  let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
  return String(decoding: bytes, as: UTF8.self)
}

func tokenSoupInput(seed: UInt64) -> String {
  var random = SeededGenerator(seed: seed)
  let count = Int.random(in: 1...120, using: &random)
  return (0..<count).map { _ in fuzzVocabulary[Int.random(in: 0..<fuzzVocabulary.count, using: &random)] }
    .joined(separator: Bool.random(using: &random) ? " " : "")
}

func mutatedInput(seed: UInt64) -> String {
  var random = SeededGenerator(seed: seed)
  var scalars = Array(validCorpus[Int.random(in: 0..<validCorpus.count, using: &random)].unicodeScalars)
  for _ in 0..<Int.random(in: 1...6, using: &random) where !scalars.isEmpty {
    let i = Int.random(in: 0..<scalars.count, using: &random)
    switch Int.random(in: 0..<4, using: &random) {
    case 0: scalars.remove(at: i)
    case 1: scalars.insert(scalars[i], at: i)
    case 2:
      let j = Int.random(in: 0..<scalars.count, using: &random)
      scalars.swapAt(i, j)
    default:
      let insert = fuzzVocabulary[Int.random(in: 0..<fuzzVocabulary.count, using: &random)]
      scalars.insert(contentsOf: insert.unicodeScalars, at: i)
    }
  }
  var text = ""
  text.unicodeScalars.append(contentsOf: scalars)
  return text
}

@Test func validCorpusParses() {
  for program in validCorpus {
    let result = dumpOrError(program)
    #expect(!result.hasPrefix("error:"), "\(program.debugDescription): \(result)")
  }
}

@Test(arguments: [
  ("random bytes", 1_000 as UInt64, 400),
  ("token soup", 2_000_000 as UInt64, 600),
  ("mutations", 3_000_000 as UInt64, 800),
])
func fuzz(kind: String, base: UInt64, count: Int) {
  for seed in fuzzSeeds(base: base, count: count) {
    let text: String
    switch kind {
    case "random bytes": text = randomBytesInput(seed: seed)
    case "token soup": text = tokenSoupInput(seed: seed)
    default: text = mutatedInput(seed: seed)
    }
    noteSeed(seed)
    let outcome = fuzzParse(text)
    #expect(outcome == .finished, "\(kind): seed \(seed) did not finish (rerun with HPS_FUZZ_SEED=\(seed))")
    if outcome != .finished { return }
  }
}

@Test func rawBytesGiveAModuleOrAnError() {
  for seed in fuzzSeeds(base: 4_000_000, count: 300) {
    var random = SeededGenerator(seed: seed)
    let bytes = (0..<Int.random(in: 0...200, using: &random)).map { _ in
      // Mostly ASCII so that some inputs are valid UTF-8 and reach the parser.
      Bool.random(using: &random) ? UInt8.random(in: 0x20...0x7E, using: &random) : UInt8.random(in: 0...255, using: &random)
    }
    noteSeed(seed)
    let source = SourceFile(name: "fuzz", bytes: bytes)
    let result = Result { () throws(SyntaxError) in try Parser.parseModule(source) }
    if case .failure(let error) = result {
      #expect(!error.message.isEmpty, "seed \(seed)")
    }
  }
}
