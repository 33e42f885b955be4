// Python compares strings by code points; Swift's `==` and `<` on String use canonical
// equivalence ("e\u{301}" == "\u{e9}"). Python str values are compared with these instead.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// Code-point equality: equal UTF-8 bytes (UTF-8 is a bijection on scalar sequences).
  @inline(__always) func pythonEquals(_ other: String) -> Bool {
    // Identical representations (a small string's inline bytes, or one shared buffer) hold
    // identical bytes: the common dict-key hit needs no byte scan.
    if MemoryLayout<String>.size == 16 && unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self) {
      return true
    }
    let n = utf8.count
    if n != other.utf8.count { return false }
    // Swift's `==` rejects most unequal strings (code-point-equal strings are always canonically
    // equivalent); what it accepts still needs the bytes compared.
    guard self == other else { return false }
    var a = self
    var b = other
    return a.withUTF8 { x in
      b.withUTF8 { y in
        guard let p = x.baseAddress, let q = y.baseAddress else { return true }  // both empty
        return memcmp(p, q, n) == 0
      }
    }
  }
}

extension String {
  /// Code-point substring test (`sub in s`): a UTF-8 byte match is a code-point match, since
  /// UTF-8 never matches inside another scalar's encoding.
  func pythonContains(_ sub: String) -> Bool {
    var s = self
    var t = sub
    return s.withUTF8 { hay in
      t.withUTF8 { needle in
        let n = needle.count, h = hay.count
        if n == 0 { return true }
        if n > h { return false }
        guard let hp = hay.baseAddress, let np = needle.baseAddress else { return false }
        let first = np[0]
        var i = 0
        while i <= h - n {
          if hp[i] == first && memcmp(hp + i, np, n) == 0 { return true }
          i += 1
        }
        return false
      }
    }
  }
}
