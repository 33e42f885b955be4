// Drives the real `hps` binary through a pseudo-terminal, so the REPL sees a tty exactly as it does
// under a person's fingers: prompts, line editing, continuation lines, Ctrl-C and Ctrl-D.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process whose stdin/stdout/stderr are the slave side of a pty we hold the master of.
final class PseudoTerminal {
  let process = Process()
  private let master: Int32
  private var transcript = ""
  /// UTF-8 length of the screen text already matched by `expect`.
  private var matched = 0

  init(executable: URL, arguments: [String], environment: [String: String] = [:]) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw CLIError("openpty failed: errno \(errno)")
    }
    self.master = master
    let slaveHandle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.executableURL = executable
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    process.standardInput = slaveHandle
    process.standardOutput = slaveHandle
    process.standardError = slaveHandle
    try process.run()
    // Non-blocking reads let `expect` poll with a deadline.
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }  // never leave a spinning child behind
    close(master)
  }

  /// Everything the child has written so far, with terminal control sequences removed.
  var screen: String { PseudoTerminal.stripControlSequences(transcript) }

  /// Types text (include "\n" to press Enter; "\u{3}" is Ctrl-C, "\u{4}" Ctrl-D).
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = write(master, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if n <= 0 { break }
        offset += n
      }
    }
  }

  /// Waits until `text` appears after the end of the previous match, or throws after `timeout`.
  @discardableResult
  func expect(_ text: String, timeout: Double = 10) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      drain()
      let current = screen
      let unread = current.utf8.count > matched ? String(decoding: current.utf8.dropFirst(matched), as: UTF8.self) : ""
      if let range = unread.range(of: text) {
        matched += unread[..<range.upperBound].utf8.count
        return current
      }
      usleep(10_000)
    }
    throw CLIError("timed out after \(timeout) s waiting for \(text.debugDescription); screen so far:\n\(screen)")
  }

  /// Waits for the REPL's next `In [n]: ` prompt, then presses Ctrl-D and returns the exit status.
  func endSession(timeout: Double = 10) throws -> Int32 {
    try expect("In [", timeout: timeout)
    try expect("]: ", timeout: timeout)
    send("\u{4}")
    return try waitForExit(timeout: timeout)
  }

  /// Waits for the child to exit and returns its status.
  func waitForExit(timeout: Double = 10) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline {
      drain()
      usleep(10_000)
    }
    drain()
    guard !process.isRunning else { throw CLIError("hps did not exit within \(timeout) s; screen:\n\(screen)") }
    return process.terminationStatus
  }

  /// Sends a signal to the child (a pty without a controlling terminal does not turn ^C into SIGINT).
  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  private func drain() {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = read(master, &buffer, buffer.count)
      if n <= 0 { break }
      transcript += String(decoding: buffer[0..<n], as: UTF8.self)
    }
  }

  /// Removes ANSI escape sequences and carriage returns that libedit uses to redraw the line.
  static func stripControlSequences(_ text: String) -> String {
    var out = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let c = iterator.next() {
      if c == "\u{1B}" {
        guard let next = iterator.next() else { break }
        if next == "[" {
          while let d = iterator.next(), !(("@"..."~").contains(d)) {}
        }
        continue
      }
      if c == "\r" || c == "\u{7}" { continue }
      out.unicodeScalars.append(c)
    }
    return out
  }
}

struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
