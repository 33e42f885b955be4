// `time`, `sys`, `os` and `os.path`.
import Foundation

enum TimeModule {
  static let start = DispatchTime.now().uptimeNanoseconds

  static let module = NativeModule("time", doc: "Time access and conversions.") { vm in
    [
      ("time", .object(NativeFunction("time", signature: "()") { _, _, _ in .float(Date().timeIntervalSince1970) })),
      ("perf_counter", .object(NativeFunction("perf_counter", signature: "()") { _, _, _ in
        .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
      })),
      ("perf_counter_ns", .object(NativeFunction("perf_counter_ns", signature: "()") { _, _, _ in
        .int(Int(DispatchTime.now().uptimeNanoseconds))
      })),
      ("monotonic", .object(NativeFunction("monotonic", signature: "()") { _, _, _ in
        .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
      })),
      ("time_ns", .object(NativeFunction("time_ns", signature: "()") { _, _, _ in
        .int(Int(Date().timeIntervalSince1970 * 1e9))
      })),
      ("process_time", .object(NativeFunction("process_time", signature: "()") { _, _, _ in
        .float(Double(clock()) / Double(CLOCKS_PER_SEC))
      })),
      ("sleep", .object(NativeFunction("sleep", signature: "(seconds, /)") { vm, a, kw in
        try expectArgs("sleep", a, kw, min: 1, max: 1)
        guard let s = (try a.at(0)).asDouble else { throw typeError("'\((try a.at(0)).typeName)' object cannot be interpreted as an integer") }
        if s < 0 { throw valueError("sleep length must be non-negative") }
        // Sleep in slices so KeyboardInterrupt stays responsive.
        var remaining = s
        while remaining > 0 {
          let step = min(remaining, 0.05)
          usleep(UInt32(step * 1e6))
          remaining -= step
          if vm.interrupt.isSet { try vm.checkInterrupt() }
        }
        return .none
      })),
      ("strftime", .object(NativeFunction("strftime", signature: "(format, /)") { _, a, _ in
        guard let fmt = a.first?.asString else { throw typeError("strftime() argument 1 must be str") }
        var t = time(nil)
        var tmv = tm()
        localtime_r(&t, &tmv)
        var buf = [Int8](repeating: 0, count: 256)
        let n = strftime(&buf, 256, fmt, &tmv)
        return .str(String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
      })),
    ]
  }
}

enum SysModule {
  static let module = NativeModule("sys", doc: "System-specific parameters and functions.") { vm in
    let stdout = FileObject(path: "<stdout>", mode: "w")
    stdout.sink = { [unowned vm] s in vm.writeStdout(s) }
    let stderr = FileObject(path: "<stderr>", mode: "w")
    stderr.sink = { [unowned vm] s in vm.writeStderr(s) }
    let stdin = FileObject(path: "<stdin>", mode: "r")
    let modulesDict = DictObject()
    for (k, v) in vm.modules { try modulesDict.table.set(.str(k), hash: vm.hash(.str(k)), value: v, vm: vm) }
    return [
      ("argv", .list(ListObject(vm.argv.map { .str($0) }))),
      ("stdout", .object(stdout)), ("stderr", .object(stderr)), ("stdin", .object(stdin)),
      ("__stdout__", .object(stdout)), ("__stderr__", .object(stderr)),
      ("path", .list(ListObject(vm.searchPaths.map { .str($0) }))),
      ("modules", .dict(modulesDict)),
      ("version", .str("3.11.7 (hps)")),
      ("version_info", .tuple([.int(3), .int(11), .int(7), .str("final"), .int(0)])),
      ("platform", .str("linux")),
      ("maxsize", .int(Int.max)),
      ("byteorder", .str("little")),
      ("float_info", .tuple([.float(Double.greatestFiniteMagnitude), .int(1024), .int(308), .float(Double.leastNormalMagnitude), .int(-1021), .int(-307), .int(15), .int(53), .float(Double.ulpOfOne), .int(2), .int(1)])),
      ("executable", .str(CommandLine.arguments.first ?? "hps")),
      ("exit", .object(NativeFunction("exit", signature: "(status=None, /)") { _, a, _ in
        throw ScriptError(ExceptionObject(cls: Builtin.systemExit, args: a))
      })),
      ("setrecursionlimit", .object(NativeFunction("setrecursionlimit", signature: "(limit, /)") { vm, a, kw in
        try expectArgs("setrecursionlimit", a, kw, min: 1, max: 1)
        guard case .int(let n) = (try a.at(0)) else { throw typeError("'\((try a.at(0)).typeName)' object cannot be interpreted as an integer") }
        if n < 1 { throw valueError("recursion limit must be greater or equal than 1") }
        vm.recursionLimit = min(n, 200_000)
        return .none
      })),
      ("getrecursionlimit", .object(NativeFunction("getrecursionlimit", signature: "()") { vm, _, _ in .int(vm.recursionLimit) })),
      ("getsizeof", .object(NativeFunction("getsizeof", signature: "(obj)") { vm, a, _ in .int(64 + 8 * ((try? vm.len(a.first ?? Value.none)) ?? 0)) })),
      ("intern", .object(NativeFunction("intern", signature: "(string, /)") { _, a, _ in a.first ?? Value.none })),
    ]
  }
}

enum OSModule {
  static func path(_ v: Value, _ f: String) throws -> String {
    guard case .str(let s) = v else { throw typeError("\(f): path should be string, not \(v.typeName)") }
    return s
  }

  static func p1(_ name: String, _ body: @escaping (String) -> Value) -> (String, Value) {
    (name, .object(NativeFunction(name, signature: "(path, /)") { _, a, kw in
      try expectArgs(name, a, kw, min: 1, max: 1)
      return body(try path((try a.at(0)), name))
    }))
  }

  static let pathModule = NativeModule("os.path", doc: "Common pathname manipulations.") { vm in
    [
      ("sep", .str("/")),
      ("join", .object(NativeFunction("join", signature: "(a, *p)") { _, a, _ in
        var out = ""
        for v in a {
          let p = try path(v, "join")
          if p.hasPrefix("/") { out = p } else if out.isEmpty || out.hasSuffix("/") { out += p } else { out += "/" + p }
        }
        return .str(out)
      })),
      p1("exists") { .bool(FileManager.default.fileExists(atPath: $0)) },
      p1("isfile") { p in
        var d: ObjCBool = false
        return .bool(FileManager.default.fileExists(atPath: p, isDirectory: &d) && !d.boolValue)
      },
      p1("isdir") { p in
        var d: ObjCBool = false
        return .bool(FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue)
      },
      p1("basename") { p in .str(p.lastIndex(of: "/").map { String(p[p.index(after: $0)...]) } ?? p) },
      p1("dirname") { p in
        guard let i = p.lastIndex(of: "/") else { return .str("") }
        var head = String(p[...i])
        while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
        return .str(head)
      },
      p1("split") { p in
        guard let i = p.lastIndex(of: "/") else { return .tuple([.str(""), .str(p)]) }
        var head = String(p[...i])
        while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
        return .tuple([.str(head), .str(String(p[p.index(after: i)...]))])
      },
      p1("splitext") { p in
        let base = p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex
        let name = p[base...]
        guard let dot = name.lastIndex(of: "."), name[name.startIndex..<dot].contains(where: { $0 != "." }) else {
          return .tuple([.str(p), .str("")])
        }
        return .tuple([.str(String(p[..<dot])), .str(String(p[dot...]))])
      },
      p1("abspath") { p in .str(PosixPath.abspath(p, cwd: FileManager.default.currentDirectoryPath)) },
      p1("normpath") { .str(PosixPath.normpath($0)) },
      ("relpath", .object(NativeFunction("relpath", signature: "(path, start=None)") { _, a, kw in
        try expectArgs("relpath", a, kw, min: 1, max: 2)
        let startValue = a.count > 1 ? try a.at(1) : Value.none
        let start = startValue.isNone ? "." : try path(startValue, "relpath")
        return .str(try PosixPath.relpath(try path(a.at(0), "relpath"), start: start, cwd: FileManager.default.currentDirectoryPath))
      })),
      ("commonpath", .object(NativeFunction("commonpath", signature: "(paths)") { vm, a, kw in
        try expectArgs("commonpath", a, kw, min: 1, max: 1)
        return .str(try PosixPath.commonpath(try vm.iterate(a.at(0)).map { try path($0, "commonpath") }))
      })),
      ("commonprefix", .object(NativeFunction("commonprefix", signature: "(m)") { vm, a, kw in
        try expectArgs("commonprefix", a, kw, min: 1, max: 1)
        return .str(PosixPath.commonprefix(try vm.iterate(a.at(0)).map { try path($0, "commonprefix") }))
      })),
      ("getsize", .object(NativeFunction("getsize", signature: "(filename, /)") { _, a, kw in
        try expectArgs("getsize", a, kw, min: 1, max: 1)
        let p = try path(a.at(0), "getsize")
        guard let size = (try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int else {
          throw osError(Builtin.fileNotFoundError, errno: 2, "No such file or directory", filename: p)
        }
        return .int(size)
      })),
      p1("islink") { p in .bool((try? FileManager.default.destinationOfSymbolicLink(atPath: p)) != nil) },
      p1("expanduser") { p in .str(p.hasPrefix("~") ? NSHomeDirectory() + p.dropFirst() : p) },
      p1("isabs") { .bool($0.hasPrefix("/")) },
    ]
  }

  static let module = NativeModule("os", doc: "Miscellaneous operating system interfaces.") { vm in
    let environ = DictObject()
    for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) {
      try environ.table.set(.str(k), hash: vm.hash(.str(k)), value: .str(v), vm: vm)
    }
    return [
      ("path", .object(try vm.importModule("os.path", relativeTo: "."))),
      ("sep", .str("/")), ("linesep", .str("\n")), ("name", .str("posix")),
      ("environ", .dict(environ)),
      ("getcwd", .object(NativeFunction("getcwd", signature: "()") { _, _, _ in .str(FileManager.default.currentDirectoryPath) })),
      ("getenv", .object(NativeFunction("getenv", signature: "(key, default=None)") { _, a, _ in
        guard let k = a.first?.asString else { throw typeError("str expected") }
        let dflt = try a.count > 1 ? a.at(1) : .none
        return ProcessInfo.processInfo.environment[k].map { .str($0) } ?? dflt
      })),
      ("listdir", .object(NativeFunction("listdir", signature: "(path='.')") { _, a, _ in
        let p = try a.first.map { try path($0, "listdir") } ?? "."
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: p) else {
          throw osError(Builtin.fileNotFoundError, errno: 2, "No such file or directory", filename: p)
        }
        return .list(ListObject(items.map { .str($0) }))
      })),
      ("makedirs", .object(NativeFunction("makedirs", signature: "(name, exist_ok=False)") { vm, a, kw in
        let p = try path(a.first ?? Value.none, "makedirs")
        try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return .none
      })),
      ("mkdir", .object(NativeFunction("mkdir", signature: "(path)") { _, a, _ in
        let p = try path(a.first ?? Value.none, "mkdir")
        if FileManager.default.fileExists(atPath: p) { throw osError(Builtin.fileExistsError, errno: 17, "File exists", filename: p) }
        try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: false)
        return .none
      })),
      ("remove", .object(NativeFunction("remove", signature: "(path)") { _, a, _ in
        let p = try path(a.first ?? Value.none, "remove")
        do { try FileManager.default.removeItem(atPath: p) } catch {
          throw osError(Builtin.fileNotFoundError, errno: 2, "No such file or directory", filename: p)
        }
        return .none
      })),
      ("getpid", .object(NativeFunction("getpid", signature: "()") { _, _, _ in .int(Int(getpid())) })),
      ("cpu_count", .object(NativeFunction("cpu_count", signature: "()") { _, _, _ in .int(ProcessInfo.processInfo.processorCount) })),
    ]
  }
}
