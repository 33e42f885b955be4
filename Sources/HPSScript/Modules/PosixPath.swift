// Pure POSIX path manipulation as CPython's posixpath computes it (normpath, relpath,
// commonpath, commonprefix), for `os.path`.

enum PosixPath {
  static func components(_ p: String) -> [String] {
    p.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
  }

  static func normpath(_ path: String) -> String {
    if path.isEmpty { return "." }
    // POSIX lets exactly two leading slashes mean something implementation-defined: keep them.
    var initialSlashes = path.hasPrefix("/") ? 1 : 0
    if path.hasPrefix("//") && !path.hasPrefix("///") { initialSlashes = 2 }
    var kept: [String] = []
    for comp in components(path) where !comp.isEmpty && comp != "." {
      if comp != ".." || (initialSlashes == 0 && kept.isEmpty) || kept.last == ".." {
        kept.append(comp)
      } else if !kept.isEmpty {
        kept.removeLast()
      }
    }
    let joined = String(repeating: "/", count: initialSlashes) + kept.joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }

  static func abspath(_ path: String, cwd: String) -> String {
    normpath(path.hasPrefix("/") ? path : join(cwd, path))
  }

  static func join(_ a: String, _ b: String) -> String {
    if b.hasPrefix("/") || a.isEmpty { return b }
    return a.hasSuffix("/") ? a + b : a + "/" + b
  }

  /// Python's `<` on lists of str: lexicographic by code points.
  static func less(_ x: [String], _ y: [String]) -> Bool {
    x.lexicographicallyPrecedes(y) { a, b in
      a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
  }

  static func relpath(_ path: String, start: String, cwd: String) throws -> String {
    if path.isEmpty { throw valueError("no path specified") }
    let startList = components(abspath(start, cwd: cwd)).filter { !$0.isEmpty }
    let pathList = components(abspath(path, cwd: cwd)).filter { !$0.isEmpty }
    var i = 0
    while i < startList.count && i < pathList.count && startList[i].pythonEquals(pathList[i]) { i += 1 }
    let rel = Array(repeating: "..", count: startList.count - i) + pathList[i...]
    return rel.isEmpty ? "." : rel.joined(separator: "/")
  }

  static func commonpath(_ paths: [String]) throws -> String {
    if paths.isEmpty { throw valueError("commonpath() arg is an empty sequence") }
    let absolute = Set(paths.map { $0.hasPrefix("/") })
    if absolute.count > 1 { throw valueError("Can't mix absolute and relative paths") }
    let split = paths.map { components($0).filter { !$0.isEmpty && $0 != "." } }
    guard var s1 = split.first, var s2 = split.first else { return "" }
    for s in split {
      if less(s, s1) { s1 = s }
      if less(s2, s) { s2 = s }
    }
    var common = s1
    for (i, c) in s1.enumerated() where i >= s2.count || !c.pythonEquals(s2[i]) {
      common = Array(s1[..<i])
      break
    }
    return (absolute.first == true ? "/" : "") + common.joined(separator: "/")
  }

  static func commonprefix(_ paths: [String]) -> String {
    guard let first = paths.first else { return "" }
    var prefix = Array(first.unicodeScalars)
    for p in paths.dropFirst() {
      let s = Array(p.unicodeScalars)
      var n = 0
      while n < prefix.count && n < s.count && prefix[n] == s[n] { n += 1 }
      prefix.removeLast(prefix.count - n)
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: prefix)
    return String(view)
  }
}
