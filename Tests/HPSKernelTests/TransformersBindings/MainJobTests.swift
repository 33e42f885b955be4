// The README's main job (examples/digits_search.hps) runs end to end and finds a good model.
import Foundation
import Testing

@Suite("TransformersMainJob")
struct TransformersMainJobTests {
  @Test func digitsSearchExample() throws {
    let url = ScriptHarness.goldenDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("examples/digits_search.hps")
    let r = ScriptHarness.runFile(url)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("trial 30/30"), "\(r.stdout)")
    let retrained = r.stdout.split(separator: "\n").first { $0.hasPrefix("retrained:") }.map(String.init) ?? ""
    let accuracy = Double(retrained.split(separator: " ").last ?? "") ?? 0
    #expect(accuracy > 0.95, "\(r.stdout)")
    let counts = r.stdout.split(separator: "\n").first { $0.hasSuffix(" pruned") }.map(String.init) ?? ""
    #expect(counts.contains("complete") && !counts.hasPrefix("30 complete"), "median pruning should stop some trials: \(counts)")
  }
}
