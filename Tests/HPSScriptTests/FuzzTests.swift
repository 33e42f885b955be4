// Mutated programs must end in a result or an error — never a crash or a hang. Each run gets a
// watchdog that raises KeyboardInterrupt after a short time (mutations can create endless loops).
import Dispatch
import HPSScript
import Testing

private struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

private let fragments = [
  "(", ")", "[", "]", ":", "\n", "    ", "yield ", "return ", "lambda: ", "*", "**", "None", "0", "-1",
  "'s'", ".", ",", "=", "+=", "not ", " if ", " for x in ", "del ", "raise ", "10**400", "[]", "{}",
]

private func mutate(_ source: String, _ rng: inout SplitMix) -> String {
  var chars = Array(source.unicodeScalars)
  for _ in 0..<(1 + rng.below(3)) {
    let pos = rng.below(chars.count + 1)
    switch rng.below(3) {
    case 0:
      if !chars.isEmpty { chars.remove(at: min(pos, chars.count - 1)) }
    case 1:
      chars.insert(contentsOf: fragments[rng.below(fragments.count)].unicodeScalars, at: pos)
    default:
      let a = rng.below(chars.count), b = rng.below(chars.count)
      if a < chars.count && b < chars.count { chars.swapAt(a, b) }
    }
  }
  var v = String.UnicodeScalarView()
  v.append(contentsOf: chars)
  return String(v)
}

@Test func mutatedProgramsNeverCrashOrHang() {
  var rng = SplitMix(state: 20_261_124)
  var outcomes = [Int32: Int]()
  for i in 0..<120 {
    let base = conformanceCases[i % conformanceCases.count].source
    let program = mutate(base, &rng)
    let r = runScript(program) { interp in
      let flag = interp.interrupt
      DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.set() }
    }
    outcomes[r.status, default: 0] += 1
    if r.status != 0 {
      #expect(!r.stderr.isEmpty, "a failing run must explain itself: \(program)")
    }
  }
  #expect(outcomes.values.reduce(0, +) == 120)
}
