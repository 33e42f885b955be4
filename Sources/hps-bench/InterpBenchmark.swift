// `hps-bench interp`: the interpreter against CPython. (Placeholder until it lands.)
import ArgumentParser

struct InterpBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interp", abstract: "Time the interpreter against CPython.")

  @Flag(help: "Print one JSON object instead of a table.") var json = false

  func run() throws {
    throw ValidationError("hps-bench interp is not built yet")
  }
}
