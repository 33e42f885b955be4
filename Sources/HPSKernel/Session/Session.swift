// The one execution model behind every front end (REPL, `hps run`, notebooks, Jupyter): a namespace,
// numbered cells with IPython's In/Out history, magics, help and completion. Front ends only read
// input and show what the Session returns; none re-implements execution or display.
import Foundation
import HPSScript
import HPSSyntax

/// What happened to one cell.
public enum CellOutcome {
  /// Ran to the end; `echo` is the repr of a trailing expression's value (shown as `Out[n]:`).
  case ok(echo: String?)
  /// An uncaught exception; `traceback` is the CPython-style text, `name`/`message` its last line.
  case error(name: String, message: String, traceback: String)
  /// `exit()` / `sys.exit(n)` was called.
  case exit(Int32)
}

/// A cell's outcome and the number it ran under (`In [n]`).
public struct CellResult {
  public var executionCount: Int
  public var outcome: CellOutcome
  /// The echoed value's representations (Jupyter's execute_result data), limited to the Session's
  /// `acceptedMimeTypes`; nil when the cell echoes nothing. `echo` is its `text/plain`.
  public var resultBundle: MimeBundle?

  public init(executionCount: Int, outcome: CellOutcome, resultBundle: MimeBundle? = nil) {
    self.executionCount = executionCount
    self.outcome = outcome
    self.resultBundle = resultBundle
  }
}

/// An interactive session over one interpreter.
public final class Session {
  public let interpreter: Interpreter
  /// How many cells have run; the next one is `executionCount + 1`.
  public private(set) var executionCount = 0
  /// IPython's `In`: `inputs[n]` is cell n's source (`inputs[0]` is empty).
  public private(set) var inputs: [String] = [""]
  /// IPython's `Out`: echoed values by cell number.
  public private(set) var outputs: [Int: Value] = [:]
  /// True when a person is at the keyboard (the REPL); `%reset` then asks before deleting.
  public var isInteractive: Bool
  /// Where the session itself writes (magic output, help); the interpreter's print goes through
  /// `interpreter.writeStdout`, which front ends redirect as they need.
  public var write: (String) -> Void
  /// Formats values and routes `display()` calls (see Display/).
  public let display: DisplayRouter
  /// The front end's display hook (notebook runner, Jupyter kernel). Without one, displays print
  /// their `text/plain` to the interpreter's stdout.
  public var displayPublisher: ((DisplayEvent) -> Void)? {
    didSet { display.supportsUpdates = displayPublisher != nil }
  }
  /// The MIME types the front end renders: `MimeType.terminal` (the default) or
  /// `MimeType.notebook`; nil accepts whatever objects offer.
  public var acceptedMimeTypes: Set<String>? {
    get { display.accepted }
    set { display.accepted = newValue }
  }
  /// The bundle of the last echoed value, handed out with the cell's result.
  private var lastResultBundle: MimeBundle?

  public init(interpreter: Interpreter, isInteractive: Bool, write: ((String) -> Void)? = nil) {
    self.interpreter = interpreter
    self.isInteractive = isInteractive
    self.write = write ?? { text in interpreter.writeStdout(text) }
    self.display = DisplayRouter.install(on: interpreter)
    display.publish = { [unowned self] event in
      if let publisher = self.displayPublisher { publisher(event) } else { self.display.printPlain(event) }
    }
    interpreter.helpHook = { [unowned self] value in self.helpText(for: value) }
    publishHistory()
  }

  /// Runs one cell: a magic line, a help request, or code. Must be called on the interpreter's
  /// large-stack thread (`Interpreter.runOnLargeStack`).
  @discardableResult
  public func execute(_ cell: String, storeHistory: Bool = true) -> CellResult {
    interpreter.interrupt.clear()
    lastResultBundle = nil
    if cell.allSatisfy(\.isWhitespace) {
      return CellResult(executionCount: executionCount, outcome: .ok(echo: nil))
    }
    if storeHistory {
      executionCount += 1
      inputs.append(cell)
      interpreter[global: "_i\(executionCount)"] = .str(cell)
      publishHistory()
    }
    let number = executionCount
    let outcome: CellOutcome
    do {
      if let magic = try MagicParser.parse(cell) {
        outcome = runMagic(magic, number: number)
      } else {
        outcome = run(code: cell, name: cellName(number), number: storeHistory ? number : nil)
      }
    } catch {
      write("\(error.description)\n")
      outcome = .error(name: "UsageError", message: error.description, traceback: error.description + "\n")
    }
    if case .ok(let echo?) = outcome, lastResultBundle == nil { lastResultBundle = MimeBundle(text: echo) }
    if case .ok(nil) = outcome { lastResultBundle = nil }
    return CellResult(executionCount: number, outcome: outcome, resultBundle: lastResultBundle)
  }

  /// The file name tracebacks show for cell n.
  func cellName(_ number: Int) -> String { "<In [\(number)]>" }

  /// Executes code as an interactive cell and records a trailing expression's value as `Out[n]`.
  func run(code: String, name: String, number: Int?) -> CellOutcome {
    let source = SourceFile(name: name, text: code)
    switch interpreter.execute(source, mode: .interactive) {
    case .value(let value?):
      if case .none = value { return .ok(echo: nil) }
      if let number { record(value, as: number) }
      let bundle = display.bundle(for: value)
      lastResultBundle = bundle
      return .ok(echo: bundle.plainText ?? interpreter.repr(value))
    case .value(nil):
      return .ok(echo: nil)
    case .exit(let status):
      return .exit(status)
    case .error(let error):
      let traceback = interpreter.render(error)
      let lastLine = traceback.split(separator: "\n").last.map(String.init) ?? error.typeName
      let message = lastLine.hasPrefix(error.typeName + ": ")
        ? String(lastLine.dropFirst(error.typeName.count + 2)) : ""
      return .error(name: error.typeName, message: message, traceback: traceback)
    }
  }

  /// Stores an echoed value the way IPython does: `Out[n]`, `_n`, and the `_`/`__`/`___` chain.
  private func record(_ value: Value, as number: Int) {
    outputs[number] = value
    interpreter[global: "___"] = interpreter[global: "__"] ?? .str("")
    interpreter[global: "__"] = interpreter[global: "_"] ?? .str("")
    interpreter[global: "_"] = value
    interpreter[global: "_\(number)"] = value
    publishHistory()
  }

  /// Makes `In` (a list) and `Out` (a dict) visible to scripts.
  private func publishHistory() {
    interpreter[global: "In"] = interpreter.makeList(inputs.map { .str($0) })
    interpreter[global: "Out"] = interpreter.makeDict(
      outputs.keys.sorted().compactMap { key in outputs[key].map { (.int(key), $0) } })
  }

  /// Forgets the user's variables and the Out history (`%reset`); the cell counter goes on.
  func reset() {
    interpreter.resetMain()
    outputs.removeAll()
    publishHistory()
  }
}
