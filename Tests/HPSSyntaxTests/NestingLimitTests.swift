import Foundation
import Testing
@testable import HPSSyntax

/// Inputs that would overflow a naive recursive-descent parser.
let pathologicalInputs: [(name: String, text: String)] = [
  ("parentheses", String(repeating: "(", count: 100_000)),
  ("closed parentheses", String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)),
  ("brackets", String(repeating: "[", count: 100_000)),
  ("braces", String(repeating: "{", count: 100_000)),
  ("unary minus", String(repeating: "-", count: 100_000) + "1\n"),
  ("not", String(repeating: "not ", count: 100_000) + "x\n"),
  ("power chain", Array(repeating: "2", count: 20_000).joined(separator: "**") + "\n"),
  ("plus chain", Array(repeating: "1", count: 100_000).joined(separator: "+") + "\n"),
  ("attribute chain", "a" + String(repeating: ".b", count: 100_000) + "\n"),
  ("call chain", "f" + String(repeating: "()", count: 20_000) + "\n"),
  ("lambda chain", String(repeating: "lambda: ", count: 20_000) + "0\n"),
  ("conditional chain", "x = " + String(repeating: "a if b else ", count: 20_000) + "c\n"),
  ("comparison chain", Array(repeating: "a", count: 20_000).joined(separator: " < ") + "\n"),
  ("and chain", Array(repeating: "a", count: 20_000).joined(separator: " and ") + "\n"),
  ("tuple", Array(repeating: "a", count: 20_000).joined(separator: ", ") + "\n"),
  ("nested blocks", (0..<500).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()),
  ("nested tab blocks", (0..<500).map { String(repeating: "\t", count: $0) + "while x:\n" }.joined()),
  ("nested defs one line", String(repeating: "if x: ", count: 20_000) + "pass\n"),
  ("nested fstrings", String(repeating: "f'{", count: 50_000)),
  ("mixed nesting", String(repeating: "[-(not {", count: 30_000)),
  ("deep in fstring", "f'{" + String(repeating: "(", count: 199) + "}'"),
  ("decorators", String(repeating: "@a\n", count: 20_000) + "def f(): pass\n"),
  ("huge literal", "x = " + String(repeating: "9", count: 100_000) + "\n"),
  ("huge hex literal", "x = 0x" + String(repeating: "f", count: 4_000) + "\n"),
  ("huge string", "x = '" + String(repeating: "a\\n", count: 30_000) + "'\n"),
]

/// Parses on a thread with a small stack; returns true when a Module or a SyntaxError came back.
func parsesWithoutCrashing(_ text: String, stackSize: Int) -> Bool {
  final class Box: @unchecked Sendable { var finished = false }
  let box = Box()
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    _ = try? Parser.parseModule(SourceFile(name: "t", text: text))
    _ = Parser.completeness(of: text)
    box.finished = true
    done.signal()
  }
  thread.stackSize = stackSize
  thread.start()
  _ = done.wait(timeout: .now() + 30)
  return box.finished
}

@Test(arguments: pathologicalInputs.indices)
func deepInputOnSmallThread(_ index: Int) {
  let input = pathologicalInputs[index]
  #expect(parsesWithoutCrashing(input.text, stackSize: 512 * 1024), "\(input.name)")
}

/// Swift Testing runs tests on a worker pool, not the main thread; this gives the parse a thread
/// with the main thread's default stack (8 MiB), where the named nesting limits, not the stack
/// guard, must be what stops it.
@Test(arguments: pathologicalInputs.indices)
func deepInputOnMainSizedThread(_ index: Int) {
  let input = pathologicalInputs[index]
  let clock = ContinuousClock()
  let start = clock.now
  #expect(parsesWithoutCrashing(input.text, stackSize: 8 << 20), "\(input.name)")
  #expect(clock.now - start < .seconds(10), "\(input.name) took too long")
}

@Test func tooManyParenthesesMatchesCPython() throws {
  let error = try #require(syntaxError(String(repeating: "(", count: 300)))
  #expect(error.message == "too many nested parentheses")
  #expect(error.location.column == 201)
}

@Test func deepUnaryIsASyntaxError() throws {
  let error = try #require(syntaxError(String(repeating: "-", count: 100_000) + "1\n"))
  #expect(error.className == "SyntaxError")
  #expect(error.message.contains("nest"))
}

@Test func moderateNestingStillParsesOnSmallThread() {
  // Ordinary programs nest far less than this; it must parse, not trip the guard, even in a debug
  // build (whose stack frames are several times larger than a release build's).
  let text = String(repeating: "f([(", count: 8) + "1" + String(repeating: ")])", count: 8) + "\n"
  final class Box: @unchecked Sendable { var ok = false }
  let box = Box()
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    box.ok = (try? Parser.parseModule(SourceFile(name: "t", text: text))) != nil
    done.signal()
  }
  thread.stackSize = 512 * 1024
  thread.start()
  _ = done.wait(timeout: .now() + 30)
  #expect(box.ok)
}

@Test func tooManyIndentationLevels() throws {
  let text = (0..<120).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
  let error = try #require(syntaxError(text))
  #expect(error.className == "IndentationError")
  #expect(error.message == "too many levels of indentation")
}
