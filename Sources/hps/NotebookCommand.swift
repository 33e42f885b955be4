// `hps notebook run NB.ipynb` executes a notebook with an hps Session and writes nbformat 4.5
// outputs; `hps notebook export NB.ipynb` turns it into a .hps script. No Jupyter needed.
import ArgumentParser
import Foundation
import HPSKernel
import HPSScript

struct NotebookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notebook",
    abstract: "Run a Jupyter notebook with hps, or export it as a .hps script.",
    subcommands: [RunNotebook.self, ExportNotebook.self])
}

struct RunNotebook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Execute the code cells in order in one session and write the outputs.",
    discussion: """
      Without --output or --inplace the result goes to NAME.nbconvert.ipynb beside the input, as \
      `jupyter nbconvert --execute` names it. Exit status: 0 when every cell ran, 1 when a cell raised \
      (the notebook is still written, with the error as the cell's output), 2 for unreadable input.
      """)

  @ArgumentParser.Argument(help: "The notebook (.ipynb, nbformat 4).")
  var notebook: String

  @Option(name: [.short, .long], help: "Where to write the executed notebook.")
  var output: String?

  @Flag(help: "Overwrite the input notebook.")
  var inplace = false

  @Flag(name: .customLong("allow-errors"), help: "Run every cell even after one raises (the exit status is still 1).")
  var allowErrors = false

  @Option(help: "Seconds a cell may run before it is interrupted and counted as an error (default: no limit).")
  var timeout: Double?

  func validate() throws {
    if inplace && output != nil { throw ValidationError("use either --output or --inplace, not both") }
    if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
  }

  func run() throws {
    let document: NotebookDocument
    do {
      document = try NotebookDocument(path: notebook)
    } catch {
      FileHandle.standardError.write(Data("hps notebook run: \(error)\n".utf8))
      throw ExitCode(2)
    }
    if let kernel = document.kernelName, kernel != "hps" {
      FileHandle.standardError.write(Data("hps notebook run: note: the notebook was written for the '\(kernel)' kernel; running it with hps\n".utf8))
    }
    let inputURL = URL(fileURLWithPath: notebook).standardizedFileURL
    let destination: String
    if inplace {
      destination = inputURL.path
    } else if let output {
      destination = URL(fileURLWithPath: output).standardizedFileURL.path
    } else {
      destination = inputURL.deletingPathExtension().path + ".nbconvert.ipynb"
    }
    // Cells see the notebook's folder as the working directory, as under Jupyter.
    let directory = inputURL.deletingLastPathComponent().path
    _ = FileManager.default.changeCurrentDirectoryPath(directory)
    let interpreter = KernelEnvironment.makeInterpreter(argv: [""], scriptPath: inputURL.path)
    installInterruptHandler(for: interpreter)
    let session = Session(interpreter: interpreter, isInteractive: false)
    let started = Date()
    let (executed, report) = NotebookRunner(document: document, session: session, options: .init(allowErrors: allowErrors, timeout: timeout)).run()
    do {
      try executed.write(to: destination)
    } catch {
      FileHandle.standardError.write(Data("hps notebook run: \(error)\n".utf8))
      throw ExitCode(1)
    }
    var summary = "hps notebook run: \(report.executedCells) cell\(report.executedCells == 1 ? "" : "s") in "
      + String(format: "%.1f s", Date().timeIntervalSince(started)) + ", wrote \(destination)\n"
    for failure in report.failures {
      summary += "  cell \(failure.cellIndex) (In [\(failure.executionCount)]) raised \(failure.name): \(failure.message)\n"
    }
    if report.stopped { summary += "  stopped at the first error (use --allow-errors to run the remaining cells)\n" }
    FileHandle.standardError.write(Data(summary.utf8))
    if let status = report.exitStatus, status != 0 { throw ExitCode(status) }
    if !report.failures.isEmpty { throw ExitCode(1) }
  }
}

struct ExportNotebook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the code cells as a .hps script (markdown cells become comments).")

  @ArgumentParser.Argument(help: "The notebook (.ipynb).")
  var notebook: String

  @Option(name: [.short, .customLong("output")], help: "The script to write (default NAME.hps beside the notebook; - for stdout).")
  var output: String?

  func run() throws {
    let document: NotebookDocument
    do {
      document = try NotebookDocument(path: notebook)
    } catch {
      FileHandle.standardError.write(Data("hps notebook export: \(error)\n".utf8))
      throw ExitCode(2)
    }
    let script = NotebookExporter.script(document)
    if output == "-" {
      FileHandle.standardOutput.write(Data(script.utf8))
      return
    }
    let destination = output ?? URL(fileURLWithPath: notebook).deletingPathExtension().path + ".hps"
    do {
      try script.write(toFile: destination, atomically: true, encoding: .utf8)
    } catch {
      FileHandle.standardError.write(Data("hps notebook export: cannot write '\(destination)': \(error.localizedDescription)\n".utf8))
      throw ExitCode(1)
    }
  }
}
