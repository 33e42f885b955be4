// The README's main job through the built `hps` binary, from another directory: the bundled data
// sets and stdlib/hpo_defaults.hps are found next to the binary, and the search really runs.
import Foundation
import Testing

@Suite("TransformersCLI")
struct TransformersCLITests {
  @Test func mainJobRunsThroughTheBinary() throws {
    let example = HPSBinary.packageRoot.appendingPathComponent("examples/digits_search.hps").path
    let r = try HPSBinary.run(["run", example], in: FileManager.default.temporaryDirectory, timeout: 300)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("trial 30/30"), "\(r.stdout)")
    #expect(r.stdout.contains("best trial "), "\(r.stdout)")
    #expect(r.stdout.contains("retrained: eval_loss "), "\(r.stdout)")
  }

  @Test func hubModelIsAClearErrorThroughTheBinary() throws {
    let r = try HPSBinary.run(["-c", "from transformers import AutoModelForSequenceClassification as A\nA.from_pretrained('Qwen/Qwen3-0.6B')"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("OSError: 'Qwen/Qwen3-0.6B' is not a local folder and not a built-in model, and hps has no network access"), "\(r.stderr)")
    #expect(r.stderr.contains("mlp-tiny"))
  }
}
