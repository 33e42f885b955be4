// Decides what `hps` was asked to run and runs it on the interpreter's large-stack thread.
import Foundation
import HPSKernel
import HPSScript
import HPSSyntax

enum ScriptRunner {
  /// Exit status follows python3: 0, 1 for an uncaught exception or syntax error, the SystemExit
  /// code, 2 for a file that cannot be opened.
  static func main(code: String?, arguments: [String], dumpTokens: Bool, dumpAST: Bool) -> Int32 {
    let stdinIsTerminal = isatty(STDIN_FILENO) == 1
    let source: SourceFile
    var argv: [String]
    if let code {
      source = SourceFile(name: "<string>", text: code)
      argv = ["-c"] + arguments
    } else if let path = arguments.first, path != "-" {
      guard let data = FileManager.default.contents(atPath: path) else {
        let reason = FileManager.default.fileExists(atPath: path) ? "Permission denied" : "No such file or directory"
        FileHandle.standardError.write(Data("hps: can't open file '\(path)': [Errno 2] \(reason)\n".utf8))
        return 2
      }
      // Like CPython 3.11, tracebacks name the main script by its absolute path.
      let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
      source = SourceFile(name: absolute, bytes: Array(data))
      argv = arguments
    } else if stdinIsTerminal && !dumpTokens && !dumpAST {
      return interactive()
    } else {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      source = SourceFile(name: "<stdin>", bytes: Array(data))
      argv = arguments.isEmpty ? [""] : arguments
    }
    if dumpTokens || dumpAST { return dump(source, tokens: dumpTokens) }

    let interpreter = KernelEnvironment.makeInterpreter(argv: argv, scriptPath: code == nil ? source.name : nil)
    let out = OutputBuffer()
    interpreter.writeStdout = { out.write($0) }
    interpreter.writeStderr = { text in
      out.flush()
      FileHandle.standardError.write(Data(text.utf8))
    }
    interpreter.vm.flushStdout = { out.flush() }
    installInterruptHandler(for: interpreter)
    var status: Int32 = 0
    runInterpreterThread {
      status = interpreter.runScript(source)
      out.flush()
    }
    return status
  }

  private static func interactive() -> Int32 {
    let interpreter = KernelEnvironment.makeInterpreter(argv: [""], scriptPath: nil)
    installInterruptHandler(for: interpreter)
    let session = Session(interpreter: interpreter, isInteractive: true)
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    var status: Int32 = 0
    runInterpreterThread {
      status = REPL(session: session, historyFile: home + "/.hps_history").run()
    }
    return status
  }

  private static func dump(_ source: SourceFile, tokens: Bool) -> Int32 {
    if tokens {
      print(Lexer.dumpTokens(source), terminator: "")
      return 0
    }
    do {
      print(try Parser.parseModule(source).dump(), terminator: "")
      return 0
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      return 1
    }
  }
}
