// Mutated programs through the whole pipeline (lexer, parser, compiler, VM): every run must end
// with output or a Python exception, never a crash, a trap or a hang. The conformance programs
// are the corpus; a watchdog raises KeyboardInterrupt in a mutant that loops, which bounds time.
import Foundation
import HPSScript
import HPSSyntax
import Testing

@Suite struct VMFuzzTests {
  static let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Conformance")

  /// xorshift64*: a tiny seeded generator, so a failing mutant can be rebuilt from its seed.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return Int((state &* 2_685_821_657_736_338_717) % UInt64(max(bound, 1)))
    }
  }

  /// Deletes, duplicates, swaps or replaces a few characters or lines.
  static func mutate(_ text: String, seed: UInt64) -> String {
    var rng = Generator(state: seed | 1)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let tokens = ["(", ")", "[", "]", ":", "0", "-1", "None", "''", "x", "*", "**", "/", "//", "%",
                  "lambda: ", " for x in ", "not ", ",", ".", "[::-1]", "10**400", "1e308*10", "\n    ", "yield ",
                  "return ", "del ", "raise ", "+=", "=", "[]", "{}", "'s'", " if "]
    for _ in 0..<(1 + rng.next(3)) where !lines.isEmpty {
      let i = rng.next(lines.count)
      switch rng.next(5) {
      case 0: lines.remove(at: i)
      case 1: lines.insert(lines[i], at: i)
      case 2: lines.swapAt(i, rng.next(lines.count))
      default:
        var chars = Array(lines[i])
        let position = rng.next(chars.count + 1)
        let token = Array(tokens[rng.next(tokens.count)])
        if !chars.isEmpty, rng.next(2) == 0 { chars.remove(at: min(position, chars.count - 1)) }
        chars.insert(contentsOf: token, at: min(position, chars.count))
        lines[i] = String(chars)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `Name: message` or a bare `Name`, as the last line of a traceback.
  static func isExceptionLine(_ line: String) -> Bool {
    let name = line.prefix { $0 != ":" }
    guard let first = name.first, first.isLetter || first == "_" else { return false }
    return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
  }

  @Test func testMutatedProgramsEndInOutputOrException() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory.path)
      .filter { $0.hasSuffix(".py") && !$0.contains("files_") && !$0.contains("input") }.sorted()
    #expect(files.count > 20)
    let perFile = 15
    for (fileIndex, file) in files.enumerated() {
      let original = try String(contentsOf: Self.corpusDirectory.appendingPathComponent(file), encoding: .utf8)
      for round in 0..<perFile {
        let seed = UInt64(fileIndex * 1000 + round + 1)
        let mutant = Self.mutate(original, seed: seed)
        let result = runScript(mutant, name: "mutant.py") { interpreter in
          // A mutant that loops forever is stopped after one second.
          let flag = interpreter.interrupt
          DispatchQueue.global().asyncAfter(deadline: .now() + 1) { flag.set() }
        }
        // Status 0 with output, or 1 with a Python exception line; a SystemExit code is fine too.
        let last = result.lastErrorLine
        let ended = result.status == 0 || result.status > 1 || (result.status == 1 && Self.isExceptionLine(last))
        #expect(ended, "seed \(seed) (\(file)) ended with status \(result.status) and stderr \(result.stderr.suffix(300))")
      }
    }
  }
}
