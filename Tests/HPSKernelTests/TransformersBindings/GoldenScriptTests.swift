// The golden scripts (Tests/Golden/transformers): the Transformers guide's code blocks with a local
// model and a bundled data set; each asserts that its search really trained and that BestRun is
// the best trial, and prints OK.
import Foundation
import Testing

@Suite("TransformersGolden")
struct TransformersGoldenTests {
  static let scripts: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: ScriptHarness.goldenDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".hps") && $0 != "golden_support.hps" }.sorted()
  }()

  @Test func goldenScriptsExist() {
    #expect(Self.scripts.count >= 8, "\(Self.scripts)")
  }

  @Test(arguments: scripts)
  func goldenScript(_ name: String) {
    let r = ScriptHarness.runFile(ScriptHarness.goldenDirectory.appendingPathComponent(name))
    #expect(r.status == 0, "\(name) failed:\n\(r.stderr)")
    #expect(r.stdout.hasSuffix("OK\n"), "\(name) stdout:\n\(r.stdout)\nstderr:\n\(r.stderr)")
  }
}
