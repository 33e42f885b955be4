// `hps-bench sampler`: the samplers against Optuna and W&B sweeps. (Placeholder until it lands.)
import ArgumentParser

struct SamplerBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sampler", abstract: "Time the samplers against Optuna and W&B sweeps.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false

  func run() throws {
    throw ValidationError("hps-bench sampler is not built yet")
  }
}
