// Executes a notebook's code cells in order in one Session and records nbformat 4 outputs, the way
// nbclient does with a live kernel: streams, execute_result, display_data (updated in place by
// update_display), clear_output, and error. No Jupyter is needed.
import Foundation
import HPSScript

/// Set from the timer thread, read after the cell returns (the interrupt orders the two).
final class TimeoutFlag: @unchecked Sendable {
  var fired = false
}

public final class NotebookRunner {
  public struct Options {
    /// Keep going after a cell raises (nbclient's `allow_errors`).
    public var allowErrors = false
    /// Seconds a cell may run before it is interrupted (nbclient's `timeout`); nil waits forever.
    public var timeout: TimeInterval?
    public init(allowErrors: Bool = false, timeout: TimeInterval? = nil) {
      self.allowErrors = allowErrors
      self.timeout = timeout
    }
  }

  /// The first cell that raised, when the run stopped or continued past errors.
  public struct CellFailure: Equatable {
    public var cellIndex: Int
    public var executionCount: Int
    public var name: String
    public var message: String
  }

  public struct Report {
    public var executedCells = 0
    public var failures: [CellFailure] = []
    /// Set when a cell called exit(); later cells did not run.
    public var exitStatus: Int32?
    /// True when an error stopped the run before the last cell.
    public var stopped = false
  }

  let session: Session
  let options: Options
  private var document: NotebookDocument
  /// Outputs of the cell being run.
  private var outputs: [[String: Any]] = []
  private var currentCell = 0
  private var clearPending = false
  /// Where each display_id's outputs are, for update_display: (cell, output index).
  private var displayLocations: [String: [(cell: Int, output: Int)]] = [:]

  /// - Parameter session: runs the cells; its interpreter's output is redirected into the notebook.
  public init(document: NotebookDocument, session: Session, options: Options = Options()) {
    self.document = document
    self.session = session
    self.options = options
  }

  /// Runs every code cell; returns the notebook with outputs and what happened.
  public func run() -> (NotebookDocument, Report) {
    let interpreter = session.interpreter
    let savedOut = interpreter.writeStdout
    let savedErr = interpreter.writeStderr
    let savedRead = interpreter.readLine
    defer {
      interpreter.writeStdout = savedOut
      interpreter.writeStderr = savedErr
      interpreter.readLine = savedRead
      session.displayPublisher = nil
    }
    interpreter.writeStdout = { [unowned self] in self.stream("stdout", $0) }
    interpreter.writeStderr = { [unowned self] in self.stream("stderr", $0) }
    // Like nbclient without a front end: input() has nobody to ask.
    interpreter.readLine = { _ in nil }
    session.acceptedMimeTypes = MimeType.notebook
    session.displayPublisher = { [unowned self] in self.handle($0) }

    document.ensureCellIDs()
    document.setHPSMetadata()
    var report = Report()
    var halted = false
    Interpreter.runOnLargeStack { [self] in
      for index in document.cells.indices where NotebookDocument.cellType(document.cells[index]) == "code" {
        if halted {
          document.cells[index]["outputs"] = [[String: Any]]()
          document.cells[index]["execution_count"] = NSNull()
          continue
        }
        let source = NotebookDocument.source(document.cells[index])
        currentCell = index
        outputs = []
        clearPending = false
        if source.allSatisfy(\.isWhitespace) {
          document.cells[index]["outputs"] = [[String: Any]]()
          document.cells[index]["execution_count"] = NSNull()
          continue
        }
        let timer = options.timeout.map { seconds in
          let flag = TimeoutFlag()
          let item = DispatchWorkItem { [interpreter] in
            flag.fired = true
            interpreter.interrupt.set()
          }
          DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item)
          return (item, flag)
        }
        let result = session.execute(source)
        timer?.0.cancel()
        report.executedCells += 1
        switch result.outcome {
        case .ok:
          if let bundle = result.resultBundle {
            var output = bundle.jsonObject()
            output["output_type"] = "execute_result"
            output["execution_count"] = result.executionCount
            append(output)
          }
        case .error(let name, let message, let traceback):
          append([
            "output_type": "error", "ename": name, "evalue": message,
            "traceback": traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty },
          ])
          if let timer, timer.1.fired, let seconds = options.timeout {
            let text = "A cell timed out while it was being executed, after \(TickFormat.value(seconds)) seconds."
            report.failures.append(CellFailure(cellIndex: index, executionCount: result.executionCount, name: "CellTimeoutError", message: text))
          } else {
            report.failures.append(CellFailure(cellIndex: index, executionCount: result.executionCount, name: name, message: message))
          }
          if !options.allowErrors { halted = true }
        case .exit(let status):
          report.exitStatus = status
          halted = true
        }
        document.cells[index]["outputs"] = outputs
        document.cells[index]["execution_count"] = result.executionCount
      }
    }
    report.stopped = halted && report.exitStatus == nil
    return (document, report)
  }

  private func clearIfPending() {
    guard clearPending else { return }
    clearPending = false
    outputs.removeAll()
    forgetDisplays(inCell: currentCell)
  }

  private func forgetDisplays(inCell cell: Int) {
    for key in displayLocations.keys { displayLocations[key]?.removeAll { $0.cell == cell } }
  }

  private func append(_ output: [String: Any]) {
    clearIfPending()
    outputs.append(output)
  }

  /// Consecutive writes to one stream form one output, as Jupyter front ends merge them.
  private func stream(_ name: String, _ text: String) {
    guard !text.isEmpty else { return }
    clearIfPending()
    if var last = outputs.last, last["output_type"] as? String == "stream", last["name"] as? String == name {
      last["text"] = (last["text"] as? String ?? "") + text
      outputs[outputs.count - 1] = last
    } else {
      outputs.append(["output_type": "stream", "name": name, "text": text])
    }
  }

  private func handle(_ event: DisplayEvent) {
    switch event {
    case .display(let bundle, let id):
      var output = bundle.jsonObject()
      output["output_type"] = "display_data"
      append(output)
      if let id { displayLocations[id, default: []].append((currentCell, outputs.count - 1)) }
    case .update(let bundle, let id):
      var output = bundle.jsonObject()
      output["output_type"] = "display_data"
      // Jupyter replaces the outputs shown under the id, wherever they are; an unknown id shows nothing.
      for location in displayLocations[id] ?? [] {
        if location.cell == currentCell {
          if location.output < outputs.count { outputs[location.output] = output }
        } else if var cellOutputs = document.cells[location.cell]["outputs"] as? [[String: Any]], location.output < cellOutputs.count {
          cellOutputs[location.output] = output
          document.cells[location.cell]["outputs"] = cellOutputs
        }
      }
    case .clearOutput(let wait):
      if wait {
        clearPending = true
      } else {
        outputs.removeAll()
        forgetDisplays(inCell: currentCell)
      }
    }
  }
}
