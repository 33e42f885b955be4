// `hps-bench trainer`: the trainer against PyTorch and numpy. (Placeholder until it lands.)
import ArgumentParser

struct TrainerBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trainer", abstract: "Time the trainer against PyTorch and numpy.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false

  func run() throws {
    throw ValidationError("hps-bench trainer is not built yet")
  }
}
