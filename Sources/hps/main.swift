// Minimal script runner (the lead replaces it with the full CLI/REPL): `hps run FILE [args]`,
// `hps FILE [args]`, `hps -c CODE [args]`, or a script piped on stdin.
import Foundation
import HPSScript
import HPSSyntax

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "run" { args.removeFirst() }

let source: SourceFile
var argv: [String]
if args.first == "-c", args.count >= 2 {
  source = SourceFile(name: "<string>", text: args[1])
  argv = ["-c"] + args.dropFirst(2)
} else if let path = args.first {
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("hps: can't open file '\(path)': [Errno 2] No such file or directory\n".utf8))
    exit(2)
  }
  // Like CPython 3.11, tracebacks name the main script by its absolute path.
  let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  source = SourceFile(name: absolute, text: String(decoding: data, as: UTF8.self))
  argv = args
} else {
  let data = FileHandle.standardInput.readDataToEndOfFile()
  source = SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
  argv = [""]
}

// Buffered stdout: one write per 64 KiB instead of per print().
final class OutputBuffer: @unchecked Sendable {
  var buffer: [UInt8] = []
  func write(_ s: String) {
    buffer.append(contentsOf: s.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }
  func flush() {
    if buffer.isEmpty { return }
    buffer.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var off = 0
      while off < p.count {
        let n = Foundation.write(1, base + off, p.count - off)
        if n <= 0 { break }
        off += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

let out = OutputBuffer()
nonisolated(unsafe) var status: Int32 = 0
/// Ctrl-C sets the running interpreter's interrupt flag (KeyboardInterrupt at the next check).
nonisolated(unsafe) var activeInterrupt: InterruptFlag?
Interpreter.runOnLargeStack {
  let interp = Interpreter(argv: argv, searchPaths: ["stdlib"])
  interp.writeStdout = { out.write($0) }
  interp.writeStderr = { s in
    out.flush()
    FileHandle.standardError.write(Data(s.utf8))
  }
  interp.vm.flushStdout = { out.flush() }
  activeInterrupt = interp.interrupt
  signal(SIGINT) { _ in activeInterrupt?.set() }
  status = interp.runScript(source)
  out.flush()
}
exit(status)
