// `open()` for text files: read/readline/readlines/write/writelines, iteration, `with`.
import Foundation

final class FileObject: PyObject {
  let path: String
  let mode: String
  var content: [Unicode.Scalar] = []
  var position = 0
  var pending = ""
  var closed = false
  /// Standard streams route writes to the VM's sinks instead of a file.
  var sink: ((String) -> Void)?

  init(path: String, mode: String) {
    self.path = path
    self.mode = mode
  }

  override var pyType: TypeObject { Builtin.fileType }

  static func open(_ vm: VM, _ args: [Value], _ kw: Kwargs) throws -> Value {
    let b = try Signature([
      .init("file"), .init("mode", default: .str("r")), .init("buffering", default: .int(-1)),
      .init("encoding", default: Value.none), .init("errors", default: Value.none), .init("newline", default: Value.none),
    ]).bind("open", args, kw)
    guard case .str(let path) = b[0] else { throw typeError("expected str, bytes or os.PathLike object, not \(b[0].typeName)") }
    guard case .str(let mode) = b[1] else { throw typeError("open() argument 'mode' must be str, not \(b[1].typeName)") }
    if mode.contains("b") { throw valueError("binary mode is not supported in hps") }
    let f = FileObject(path: path, mode: mode)
    let fm = FileManager.default
    var isDir: ObjCBool = false
    let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
    if isDir.boolValue { throw osError(Builtin.isADirectoryError, errno: 21, "Is a directory", filename: path) }
    if mode.contains("r") && !mode.contains("+") || mode.contains("a") || mode.contains("+") {
      if exists, let data = fm.contents(atPath: path) {
        f.content = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
      } else if mode.contains("r") {
        throw osError(Builtin.fileNotFoundError, errno: 2, "No such file or directory", filename: path)
      }
    }
    if mode.contains("w") {
      guard fm.createFile(atPath: path, contents: Data()) else {
        throw osError(Builtin.fileNotFoundError, errno: 2, "No such file or directory", filename: path)
      }
      f.content = []
    }
    if mode.contains("x") {
      if exists { throw osError(Builtin.fileExistsError, errno: 17, "File exists", filename: path) }
      _ = fm.createFile(atPath: path, contents: Data())  // a failure surfaces when the content is written
    }
    if mode.contains("a") { f.position = f.content.count }
    return .object(f)
  }

  var writable: Bool { mode.contains("w") || mode.contains("a") || mode.contains("+") || mode.contains("x") }
  var readable: Bool { mode.contains("r") || mode.contains("+") }

  func check() throws {
    if closed { throw valueError("I/O operation on closed file.") }
  }

  func write(_ s: String) throws {
    try check()
    if let sink {
      sink(s)
      return
    }
    guard writable else { throw ScriptError(Builtin.osError, "not writable") }
    pending += s
  }

  func flush() {
    guard sink == nil, !pending.isEmpty else { return }
    if let h = FileHandle(forWritingAtPath: path) {
      h.seekToEndOfFile()
      h.write(Data(pending.utf8))
      h.closeFile()
    }
    pending = ""
  }

  func readLine() throws -> String? {
    try check()
    guard readable else { throw ScriptError(Builtin.osError, "not readable") }
    if position >= content.count { return nil }
    var end = position
    while end < content.count && content[end] != "\n" { end += 1 }
    if end < content.count { end += 1 }
    var v = String.UnicodeScalarView()
    v.append(contentsOf: content[position..<end])
    position = end
    return String(v)
  }
}

extension FileObject {
  static func file(_ v: Value) throws -> FileObject {
    guard case .object(let f as FileObject) = v else { throw typeError("expected a file object") }
    return f
  }
}

enum FileMethods {
  static let all: [NativeFunction] = [
    method("read", "(size=-1, /)") { vm, s, a, _ in
      let f = try FileObject.file(s)
      try f.check()
      guard f.readable else { throw ScriptError(Builtin.osError, "not readable") }
      var n = f.content.count - f.position
      if let sz = a.first?.asInt, sz >= 0 { n = min(n, sz) }
      var v = String.UnicodeScalarView()
      v.append(contentsOf: f.content[f.position..<(f.position + n)])
      f.position += n
      return .str(String(v))
    },
    method("readline", "(size=-1, /)") { vm, s, _, _ in .str(try FileObject.file(s).readLine() ?? "") },
    method("readlines", "()") { vm, s, _, _ in
      let f = try FileObject.file(s)
      var lines: [Value] = []
      while let l = try f.readLine() { lines.append(.str(l)) }
      return .list(ListObject(lines))
    },
    method("write", "(text, /)") { vm, s, a, _ in
      guard case .str(let t) = a.first ?? Value.none else { throw typeError("write() argument must be str, not \((a.first ?? Value.none).typeName)") }
      try FileObject.file(s).write(t)
      return .int(t.unicodeScalars.count)
    },
    method("writelines", "(lines, /)") { vm, s, a, _ in
      let f = try FileObject.file(s)
      try vm.forEach(a.first ?? Value.none) { x in try f.write(try vm.str(x)) }
      return .none
    },
    method("flush", "()") { vm, s, _, _ in
      let f = try FileObject.file(s)
      if f.sink != nil { vm.flushStdout() }
      f.flush()
      return .none
    },
    method("close", "()") { _, s, _, _ in
      let f = try FileObject.file(s)
      f.flush()
      if f.sink == nil { f.closed = true }
      return .none
    },
    method("isatty", "()") { _, _, _, _ in .bool(false) },
    method("fileno", "()") { _, s, _, _ in .int(try FileObject.file(s).path == "<stderr>" ? 2 : 1) },
    method("__enter__", "()") { _, s, _, _ in s },
    method("__exit__", "(*args)") { _, s, _, _ in
      let f = try FileObject.file(s)
      f.flush()
      if f.sink == nil { f.closed = true }
      return .bool(false)
    },
    method("__iter__", "()") { _, s, _, _ in
      let f = try FileObject.file(s)
      return .object(ClosureIterator(name: "TextIOWrapper") { _ in try f.readLine().map { .str($0) } })
    },
    method("__next__", "()") { _, s, _, _ in
      guard let l = try FileObject.file(s).readLine() else { throw stopIteration() }
      return .str(l)
    },
  ]
}
