// Methods of str. Python indexes strings by code point, so positions are computed on unicode
// scalars; whitespace and case follow Unicode like CPython.
import Foundation

enum StrMethods {
  static func str(_ v: Value) throws -> String {
    guard case .str(let s) = v else { throw typeError("descriptor requires a 'str' object but received a '\(v.typeName)'") }
    return s
  }

  static func arg(_ a: [Value], _ i: Int, _ fname: String) throws -> String {
    guard i < a.count else { throw typeError("\(fname)() takes at least \(i + 1) argument (\(a.count) given)") }
    guard case .str(let s) = a[i] else { throw typeError("must be str, not \(a[i].typeName)") }
    return s
  }

  static func isSpace(_ u: Unicode.Scalar) -> Bool {
    u.properties.isWhitespace || (u.value >= 0x1c && u.value <= 0x1f)
  }

  static func strip(_ s: String, _ chars: Value?, left: Bool, right: Bool) throws -> String {
    let scalars = Array(s.unicodeScalars)
    var set: Set<Unicode.Scalar>? = nil
    if let c = chars, case .str(let cs) = c { set = Set(cs.unicodeScalars) } else if let c = chars, !c.isNone {
      throw typeError("strip arg must be None or str")
    }
    var lo = 0, hi = scalars.count
    let drop: (Unicode.Scalar) -> Bool = { u in set.map { $0.contains(u) } ?? isSpace(u) }
    if left { while lo < hi && drop(scalars[lo]) { lo += 1 } }
    if right { while hi > lo && drop(scalars[hi - 1]) { hi -= 1 } }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[lo..<hi])
    return String(out)
  }

  static func split(_ s: String, _ sep: Value, _ maxsplit: Int, fromRight: Bool) throws -> [Value] {
    var parts: [String] = []
    if case .str(let sepStr) = sep {
      if sepStr.isEmpty { throw valueError("empty separator") }
      if fromRight {
        var rest = s
        var n = 0
        while maxsplit < 0 || n < maxsplit, let r = rest.range(of: sepStr, options: [.backwards, .literal]) {
          parts.insert(String(rest[r.upperBound...]), at: 0)
          rest = String(rest[..<r.lowerBound])
          n += 1
        }
        parts.insert(rest, at: 0)
      } else {
        var rest = Substring(s)
        var n = 0
        while maxsplit < 0 || n < maxsplit, let r = rest.range(of: sepStr, options: .literal) {
          parts.append(String(rest[..<r.lowerBound]))
          rest = rest[r.upperBound...]
          n += 1
        }
        parts.append(String(rest))
      }
      return parts.map { .str($0) }
    }
    if !sep.isNone { throw typeError("must be str or None, not \(sep.typeName)") }
    // Whitespace split: runs of whitespace separate, leading/trailing ignored.
    var scalars = Array(s.unicodeScalars)
    if fromRight { scalars.reverse() }
    var i = 0
    var n = 0
    var words: [[Unicode.Scalar]] = []
    while i < scalars.count {
      while i < scalars.count && isSpace(scalars[i]) { i += 1 }
      if i >= scalars.count { break }
      if maxsplit >= 0 && n == maxsplit {
        var rest = Array(scalars[i...])
        while let l = rest.last, isSpace(l) { rest.removeLast() }
        words.append(rest)
        break
      }
      let start = i
      while i < scalars.count && !isSpace(scalars[i]) { i += 1 }
      words.append(Array(scalars[start..<i]))
      n += 1
    }
    if fromRight { words = words.reversed().map { $0.reversed() } }
    return words.map { w in
      var v = String.UnicodeScalarView()
      v.append(contentsOf: w)
      return .str(String(v))
    }
  }

  /// Resolves optional start/end arguments into a scalar slice.
  static func window(_ vm: VM, _ s: String, _ a: [Value], from i: Int) throws -> (scalars: [Unicode.Scalar], lo: Int, hi: Int) {
    let scalars = Array(s.unicodeScalars)
    let n = scalars.count
    func idx(_ v: Value?, _ d: Int) throws -> Int {
      guard let v, !v.isNone else { return d }
      var k = try vm.index(v, "slice indices must be integers or None or have an __index__ method")
      if k < 0 { k = max(0, k + n) }
      return min(k, n)
    }
    return (scalars, try idx(a.count > i ? a[i] : nil, 0), try idx(a.count > i + 1 ? a[i + 1] : nil, n))
  }

  static func find(_ vm: VM, _ s: String, _ a: [Value], reverse: Bool) throws -> Int {
    let sub = Array(try arg(a, 0, "find").unicodeScalars)
    let (sc, lo, hi) = try window(vm, s, a, from: 1)
    if hi - lo < sub.count { return -1 }
    let range = Array(lo...(hi - sub.count))
    for start in reverse ? range.reversed() : range {
      var ok = true
      for k in 0..<sub.count where sc[start + k] != sub[k] {
        ok = false
        break
      }
      if ok { return start }
    }
    return -1
  }

  static func pad(_ s: String, _ width: Value, _ fill: Value?, _ mode: Int) throws -> String {
    guard case .int(let w) = width else { throw typeError("'\(width.typeName)' object cannot be interpreted as an integer") }
    var f: Unicode.Scalar = " "
    if let fv = fill {
      guard case .str(let fs) = fv, fs.unicodeScalars.count == 1, let c = fs.unicodeScalars.first else {
        throw typeError("The fill character must be exactly one character long")
      }
      f = c
    }
    let n = s.unicodeScalars.count
    if w <= n { return s }
    let total = w - n
    let fc = String(f)
    switch mode {
    case 0: return s + String(repeating: fc, count: total)
    case 1: return String(repeating: fc, count: total) + s
    default:
      // CPython centers with the extra character on the left when the margin is odd and width odd.
      let left = total / 2 + (total & w & 1)
      return String(repeating: fc, count: left) + s + String(repeating: fc, count: total - left)
    }
  }

  static func predicate(_ name: String, _ test: @escaping (Unicode.Scalar) -> Bool) -> NativeFunction {
    method(name, "()") { _, s, _, _ in
      let x = try str(s)
      return .bool(!x.isEmpty && x.unicodeScalars.allSatisfy(test))
    }
  }

  static func affix(_ name: String, suffix: Bool) -> NativeFunction {
    method(name, "(prefix[, start[, end]])") { vm, s, a, _ in
      let x = try str(s)
      guard let first = a.first else { throw typeError("\(name)() takes at least 1 argument (0 given)") }
      let candidates: [Value]
      if case .tuple(let t) = first { candidates = t } else { candidates = [first] }
      let (sc, lo, hi) = try window(vm, x, a, from: 1)
      let window = lo <= hi ? Array(sc[lo..<hi]) : []
      for c in candidates {
        guard case .str(let p) = c else {
          throw typeError("\(name) first arg must be str or a tuple of str, not \(c.typeName)")
        }
        let ps = Array(p.unicodeScalars)
        if ps.count > window.count { continue }
        if suffix ? Array(window.suffix(ps.count)) == ps : Array(window.prefix(ps.count)) == ps { return .bool(true) }
      }
      return .bool(false)
    }
  }

  /// `str.maketrans(x[, y[, z]])`.
  static let maketrans = NativeFunction("maketrans", signature: "(x, y=None, z=None, /)") { vm, a, _ in
    let d = DictObject()
    func put(_ k: Value, _ v: Value) throws { try d.table.set(k, hash: vm.hash(k), value: v, vm: vm) }
    if a.count == 1 {
      for (k, v) in try vm.mappingItems(a[0]) {
        if case .str(let ks) = k, let u = ks.unicodeScalars.first { try put(.int(Int(u.value)), v) } else { try put(k, v) }
      }
      return .dict(d)
    }
    guard a.count >= 2, case .str(let x) = a[0], case .str(let y) = a[1] else {
      throw typeError("maketrans() arguments must be strings")
    }
    let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
    if xs.count != ys.count { throw valueError("the first two maketrans arguments must have equal length") }
    for (p, q) in zip(xs, ys) { try put(.int(Int(p.value)), .int(Int(q.value))) }
    if a.count > 2, case .str(let z) = a[2] { for u in z.unicodeScalars { try put(.int(Int(u.value)), .none) } }
    return .dict(d)
  }

  static let all: [NativeFunction] = [
    method("split", "(sep=None, maxsplit=-1)") { vm, s, a, kw in
      let b = try Signature([.init("sep", default: Value.none), .init("maxsplit", default: .int(-1))]).bind("split", a, kw)
      return .list(ListObject(try split(str(s), b[0], b[1].asInt ?? -1, fromRight: false)))
    },
    method("rsplit", "(sep=None, maxsplit=-1)") { vm, s, a, kw in
      let b = try Signature([.init("sep", default: Value.none), .init("maxsplit", default: .int(-1))]).bind("rsplit", a, kw)
      return .list(ListObject(try split(str(s), b[0], b[1].asInt ?? -1, fromRight: true)))
    },
    method("join", "(iterable, /)") { vm, s, a, kw in
      try expectArgs("join", a, kw, min: 1, max: 1)
      let sep = try str(s)
      var out = ""
      var first = true
      var i = 0
      try vm.forEach((try a.at(0))) { x in
        guard case .str(let t) = x else {
          throw typeError("sequence item \(i): expected str instance, \(x.typeName) found")
        }
        if !first { out += sep }
        out += t
        first = false
        i += 1
      }
      return .str(out)
    },
    method("strip", "(chars=None, /)") { _, s, a, _ in .str(try strip(str(s), a.first, left: true, right: true)) },
    method("lstrip", "(chars=None, /)") { _, s, a, _ in .str(try strip(str(s), a.first, left: true, right: false)) },
    method("rstrip", "(chars=None, /)") { _, s, a, _ in .str(try strip(str(s), a.first, left: false, right: true)) },
    method("replace", "(old, new, count=-1, /)") { vm, s, a, _ in
      let x = try str(s)
      let old = try arg(a, 0, "replace"), new = try arg(a, 1, "replace")
      let count = a.count > 2 ? ((try a.at(2)).asInt ?? -1) : -1
      if count < 0 {
        if old.isEmpty {
          var out = new
          for u in x.unicodeScalars { out += String(u) + new }
          return .str(out)
        }
        return .str(x.replacingOccurrences(of: old, with: new, options: .literal))
      }
      var out = ""
      var rest = Substring(x)
      var n = 0
      while n < count, !old.isEmpty, let r = rest.range(of: old, options: .literal) {
        out += rest[..<r.lowerBound] + new
        rest = rest[r.upperBound...]
        n += 1
      }
      return .str(out + rest)
    },
    method("find", "(sub[, start[, end]])") { vm, s, a, _ in .int(try find(vm, str(s), a, reverse: false)) },
    method("rfind", "(sub[, start[, end]])") { vm, s, a, _ in .int(try find(vm, str(s), a, reverse: true)) },
    method("index", "(sub[, start[, end]])") { vm, s, a, _ in
      let i = try find(vm, str(s), a, reverse: false)
      if i < 0 { throw valueError("substring not found") }
      return .int(i)
    },
    method("rindex", "(sub[, start[, end]])") { vm, s, a, _ in
      let i = try find(vm, str(s), a, reverse: true)
      if i < 0 { throw valueError("substring not found") }
      return .int(i)
    },
    method("count", "(sub[, start[, end]])") { vm, s, a, _ in
      let sub = Array(try arg(a, 0, "count").unicodeScalars)
      let (sc, lo, hi) = try window(vm, str(s), a, from: 1)
      if sub.isEmpty { return .int(max(0, hi - lo) + 1) }
      var n = 0
      var i = lo
      while i + sub.count <= hi {
        if Array(sc[i..<(i + sub.count)]) == sub {
          n += 1
          i += sub.count
        } else {
          i += 1
        }
      }
      return .int(n)
    },
    affix("startswith", suffix: false),
    affix("endswith", suffix: true),
    method("upper", "()") { _, s, _, _ in .str(try str(s).uppercased()) },
    method("lower", "()") { _, s, _, _ in .str(try str(s).lowercased()) },
    method("casefold", "()") { _, s, _, _ in .str(try str(s).lowercased()) },
    method("title", "()") { _, s, _, _ in
      var out = ""
      var prevCased = false
      for u in try str(s).unicodeScalars {
        let ch = String(u)
        out += prevCased ? ch.lowercased() : ch.uppercased()
        prevCased = u.properties.isCased || u.properties.isLowercase || u.properties.isUppercase
      }
      return .str(out)
    },
    method("capitalize", "()") { _, s, _, _ in
      let x = try str(s)
      guard let f = x.unicodeScalars.first else { return .str("") }
      return .str(String(f).uppercased() + String(x.unicodeScalars.dropFirst()).lowercased())
    },
    method("swapcase", "()") { _, s, _, _ in
      .str(try str(s).unicodeScalars.map { u -> String in
        let c = String(u)
        return u.properties.isUppercase ? c.lowercased() : (u.properties.isLowercase ? c.uppercased() : c)
      }.joined())
    },
    predicate("isdigit") { $0.properties.numericType == .digit || $0.properties.numericType == .decimal },
    predicate("isdecimal") { $0.properties.numericType == .decimal },
    predicate("isnumeric") { $0.properties.numericType != nil },
    predicate("isalpha") { $0.properties.isAlphabetic },
    predicate("isalnum") { $0.properties.isAlphabetic || $0.properties.numericType != nil },
    predicate("isspace") { isSpace($0) },
    predicate("isascii") { $0.isASCII },
    method("isidentifier", "()") { _, s, _, _ in
      let x = try str(s)
      guard let f = x.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .bool(false) }
      return .bool(x.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
    },
    method("isupper", "()") { _, s, _, _ in
      let x = try str(s)
      let cased = x.unicodeScalars.filter { $0.properties.isUppercase || $0.properties.isLowercase }
      return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isUppercase })
    },
    method("islower", "()") { _, s, _, _ in
      let x = try str(s)
      let cased = x.unicodeScalars.filter { $0.properties.isUppercase || $0.properties.isLowercase }
      return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isLowercase })
    },
    method("istitle", "()") { _, s, _, _ in
      let x = try str(s)
      return .bool(!x.isEmpty && x == x.capitalized)
    },
    method("center", "(width, fillchar=' ', /)") { _, s, a, _ in .str(try pad(str(s), (try a.at(0)), a.count > 1 ? (try a.at(1)) : nil, 2)) },
    method("ljust", "(width, fillchar=' ', /)") { _, s, a, _ in .str(try pad(str(s), (try a.at(0)), a.count > 1 ? (try a.at(1)) : nil, 0)) },
    method("rjust", "(width, fillchar=' ', /)") { _, s, a, _ in .str(try pad(str(s), (try a.at(0)), a.count > 1 ? (try a.at(1)) : nil, 1)) },
    method("zfill", "(width, /)") { _, s, a, _ in
      let x = try str(s)
      guard case .int(let w) = a.first ?? Value.none else { throw typeError("zfill() argument must be int") }
      let n = x.unicodeScalars.count
      if w <= n { return .str(x) }
      if let f = x.first, f == "-" || f == "+" {
        return .str(String(f) + String(repeating: "0", count: w - n) + x.dropFirst())
      }
      return .str(String(repeating: "0", count: w - n) + x)
    },
    method("partition", "(sep, /)") { _, s, a, _ in
      let x = try str(s)
      let sep = try arg(a, 0, "partition")
      if sep.isEmpty { throw valueError("empty separator") }
      guard let r = x.range(of: sep, options: .literal) else { return .tuple([.str(x), .str(""), .str("")]) }
      return .tuple([.str(String(x[..<r.lowerBound])), .str(sep), .str(String(x[r.upperBound...]))])
    },
    method("rpartition", "(sep, /)") { _, s, a, _ in
      let x = try str(s)
      let sep = try arg(a, 0, "rpartition")
      if sep.isEmpty { throw valueError("empty separator") }
      guard let r = x.range(of: sep, options: [.literal, .backwards]) else { return .tuple([.str(""), .str(""), .str(x)]) }
      return .tuple([.str(String(x[..<r.lowerBound])), .str(sep), .str(String(x[r.upperBound...]))])
    },
    method("splitlines", "(keepends=False)") { vm, s, a, kw in
      let keep = try (a.first ?? kw.first?.1).map { try vm.truthy($0) } ?? false
      var lines: [Value] = []
      var cur = String.UnicodeScalarView()
      let sc = Array(try str(s).unicodeScalars)
      var i = 0
      while i < sc.count {
        let u = sc[i]
        let isBreak = "\n\r\u{0B}\u{0C}\u{1C}\u{1D}\u{1E}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(u)
        if isBreak {
          var end = String.UnicodeScalarView()
          end.append(u)
          if u == "\r" && i + 1 < sc.count && sc[i + 1] == "\n" {
            end.append("\n")
            i += 1
          }
          if keep { cur.append(contentsOf: end) }
          lines.append(.str(String(cur)))
          cur = String.UnicodeScalarView()
        } else {
          cur.append(u)
        }
        i += 1
      }
      if !cur.isEmpty { lines.append(.str(String(cur))) }
      return .list(ListObject(lines))
    },
    method("expandtabs", "(tabsize=8)") { vm, s, a, kw in
      let size = (a.first ?? kw.first?.1)?.asInt ?? 8
      var out = ""
      var col = 0
      for u in try str(s).unicodeScalars {
        if u == "\t" {
          if size > 0 {
            let n = size - col % size
            out += String(repeating: " ", count: n)
            col += n
          }
        } else {
          out.unicodeScalars.append(u)
          col = (u == "\n" || u == "\r") ? 0 : col + 1
        }
      }
      return .str(out)
    },
    method("format", "(*args, **kwargs)") { vm, s, a, kw in .str(try vm.strFormat(str(s), a, kw)) },
    method("format_map", "(mapping)") { vm, s, a, _ in
      guard let m = a.first else { throw typeError("format_map() takes exactly one argument (0 given)") }
      return .str(try vm.strFormat(str(s), [], [], mapping: m))
    },
    method("encode", "(encoding='utf-8', errors='strict')") { _, s, _, _ in
      throw valueError("str.encode is not supported in hps (no bytes type)")
    },
    method("translate", "(table, /)") { vm, s, a, _ in
      let table = try a.at(0)
      var out = ""
      for u in try str(s).unicodeScalars {
        let mapped: Value
        do {
          mapped = try vm.getItem(table, .int(Int(u.value)))
        } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.lookupError) {
          out.unicodeScalars.append(u)
          continue
        }
        switch mapped {
        case .none: continue
        case .int(let code):
          guard let v = Unicode.Scalar(UInt32(clamping: max(0, code))) else { throw valueError("character mapping must be in range(0x110000)") }
          out.unicodeScalars.append(v)
        case .str(let t): out += t
        default: throw typeError("character mapping must return integer, None or str")
        }
      }
      return .str(out)
    },
    method("removeprefix", "(prefix, /)") { _, s, a, _ in
      let x = try str(s), p = try arg(a, 0, "removeprefix")
      return .str(x.hasPrefix(p) ? String(x.dropFirst(p.count)) : x)
    },
    method("removesuffix", "(suffix, /)") { _, s, a, _ in
      let x = try str(s), p = try arg(a, 0, "removesuffix")
      return .str(x.hasSuffix(p) && !p.isEmpty ? String(x.dropLast(p.count)) : x)
    },
    method("__len__", "()") { vm, s, _, _ in .int(try vm.len(s)) },
    method("__contains__", "(x)") { vm, s, a, _ in .bool(try vm.contains(s, (try a.at(0)))) },
    method("__getitem__", "(i)") { vm, s, a, _ in try vm.getItem(s, (try a.at(0))) },
    method("__add__", "(other)") { vm, s, a, _ in try vm.binary(.add, s, (try a.at(0))) },
    method("__mul__", "(n)") { vm, s, a, _ in try vm.binary(.multiply, s, (try a.at(0))) },
    method("__mod__", "(args)") { vm, s, a, _ in try vm.binary(.modulo, s, (try a.at(0))) },
    method("__eq__", "(other)") { vm, s, a, _ in .bool(try vm.equals(s, (try a.at(0)))) },
    method("__hash__", "()") { vm, s, _, _ in .int(try vm.hash(s)) },
    method("__format__", "(spec)") { vm, s, a, _ in .str(try vm.format(s, a.first?.asString ?? "")) },
    method("__str__", "()") { _, s, _, _ in s },
    method("__repr__", "()") { vm, s, _, _ in .str(try vm.repr(s)) },
  ]
}
