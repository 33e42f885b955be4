// Running IPython's line magics inside a Session.
import Foundation
import HPSScript
import HPSSyntax

extension Session {
  func runMagic(_ magic: MagicCommand, number: Int) -> CellOutcome {
    switch magic {
    case .time(let code):
      return time(code, number: number)
    case .timeit(let code, let loops, let repeats):
      return timeit(code, loops: loops, repeats: repeats)
    case .run(let path, let arguments):
      return runFile(path, arguments: arguments)
    case .load(let path):
      guard let text = readFile(path) else { return missingFile(path) }
      write(text.hasSuffix("\n") ? text : text + "\n")
      return run(code: text, name: path, number: number)
    case .who:
      let names = userNames()
      write(names.isEmpty ? "Interactive namespace is empty.\n" : names.joined(separator: "\t") + "\n")
      return .ok(echo: nil)
    case .reset(let force):
      if !force && isInteractive {
        let answer = interpreter.readLine("Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
        guard let answer, answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") else {
          write("Nothing done.\n")
          return .ok(echo: nil)
        }
      }
      reset()
      return .ok(echo: nil)
    case .history(let numbered, let last, let range):
      var cells = Array(inputs.enumerated().dropFirst())
      if let range { cells = cells.filter { range.contains($0.offset) } }
      for (n, cell) in cells.suffix(last ?? cells.count) {
        if numbered {
          let lines = cell.split(separator: "\n", omittingEmptySubsequences: false)
          write(lines.enumerated().map { i, line in (i == 0 ? String(format: "%3d: ", n) : "     ") + line }
            .joined(separator: "\n") + "\n")
        } else {
          write(cell + "\n")
        }
      }
      return .ok(echo: nil)
    case .help(let expression):
      return showHelp(for: expression)
    case .list:
      write("Available line magics:\n" + MagicCommand.names.map { "%" + $0 }.joined(separator: "  ") + "\n")
      write("Help: obj? or ?obj shows a signature and docstring.\n")
      return .ok(echo: nil)
    }
  }

  /// `%time`: runs once and reports CPU and wall time the way IPython does.
  private func time(_ code: String, number: Int) -> CellOutcome {
    let cpuBefore = cpuTimes()
    let start = DispatchTime.now().uptimeNanoseconds
    let outcome = run(code: code, name: cellName(number), number: number)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpuAfter = cpuTimes()
    let user = cpuAfter.user - cpuBefore.user
    let system = cpuAfter.system - cpuBefore.system
    write("CPU times: user \(TimeFormatting.format(user)), sys: \(TimeFormatting.format(system)), total: \(TimeFormatting.format(user + system))\n")
    write("Wall time: \(TimeFormatting.format(wall))\n")
    return outcome
  }

  /// `%timeit`: the statement runs inside a function, as in IPython, `loops` times per run; without
  /// `-n` the loop count grows (1, 2, 5, 10, 20, …) until one run takes at least 0.2 s.
  private func timeit(_ code: String, loops: Int?, repeats: Int) -> CellOutcome {
    let helper = "__hps_timeit__"
    let body = code.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }
      .joined(separator: "\n")
    let definition = "def \(helper)(__hps_n):\n    for __hps_i in range(__hps_n):\n\(body)\n"
    if case .error(let name, let message, let traceback) = run(code: definition, name: "<timeit>", number: nil) {
      return .error(name: name, message: message, traceback: traceback)
    }
    defer { interpreter[global: helper] = nil }

    var failure: (String, String, String)?
    func measure(_ n: Int) -> Double? {
      let start = DispatchTime.now().uptimeNanoseconds
      if case .error(let name, let message, let traceback) = run(code: "\(helper)(\(n))", name: "<timeit>", number: nil) {
        failure = (name, message, traceback)
        return nil
      }
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    var number = loops ?? 1
    if loops == nil {
      search: for scale in sequence(first: 1, next: { $0 * 10 }) {
        for base in [1, 2, 5] {
          number = base * scale
          guard let t = measure(number) else { break search }
          if t >= 0.2 || number >= 100_000_000 { break search }
        }
      }
    }
    var perLoop: [Double] = []
    if failure == nil {
      for _ in 0..<repeats {
        guard let t = measure(number) else { break }
        perLoop.append(t / Double(number))
      }
    }
    if let (name, message, traceback) = failure {
      return .error(name: name, message: message, traceback: traceback)
    }
    let mean = perLoop.reduce(0, +) / Double(perLoop.count)
    let variance = perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(perLoop.count)
    let runs = repeats == 1 ? "run" : "runs"
    let loopWord = number == 1 ? "loop" : "loops"
    write("\(TimeFormatting.format(mean)) ± \(TimeFormatting.format(variance.squareRoot())) per loop (mean ± std. dev. of \(repeats) \(runs), \(TimeFormatting.grouped(number)) \(loopWord) each)\n")
    return .ok(echo: nil)
  }

  /// `%run`: the file runs as `__main__` in the session namespace with its own argv.
  private func runFile(_ path: String, arguments: [String]) -> CellOutcome {
    guard let text = readFile(path) else { return missingFile(path) }
    let savedArgv = interpreter.argv
    interpreter.argv = [path] + arguments
    defer { interpreter.argv = savedArgv }
    switch interpreter.execute(SourceFile(name: path, text: text), mode: .file) {
    case .value: return .ok(echo: nil)
    case .exit(let status): return status == 0 ? .ok(echo: nil) : .exit(status)
    case .error(let error):
      return .error(name: error.typeName, message: "", traceback: interpreter.render(error))
    }
  }

  private func readFile(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  private func missingFile(_ path: String) -> CellOutcome {
    let message = "File `\(path)` not found."
    write("ERROR: \(message)\n")
    return .error(name: "FileNotFoundError", message: message, traceback: "ERROR: \(message)\n")
  }

  /// The names a user defined: not hidden (`_x`), not the history variables, not builtins.
  func userNames() -> [String] {
    let hidden: Set<String> = ["In", "Out", "exit", "quit"]
    return interpreter.globalNames.filter { !$0.hasPrefix("_") && !hidden.contains($0) }.sorted()
  }

  private func cpuTimes() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
  }
}
