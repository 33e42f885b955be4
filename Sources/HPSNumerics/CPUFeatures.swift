// What the CPU offers beyond the baseline the build targets, checked once at run time.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum CPUFeatures {
  /// AVX2 usable by this process (the CPU has it and the OS saves the wide registers). Set
  /// HPS_DISABLE_AVX2=1 to force the baseline kernels (to compare or to rule them out).
  public static let avx2: Bool = {
    if let off = getenv("HPS_DISABLE_AVX2"), String(cString: off) == "1" { return false }
    return has(linux: "avx2", darwin: "hw.optional.avx2_0")
  }()

  /// AVX-512 Foundation usable by this process (off with HPS_DISABLE_AVX2=1 too). OpenBLAS picks
  /// its SkylakeX/Cooper Lake/Sapphire Rapids kernels on such CPUs, whose small-matrix paths
  /// `BLAS.sgemm` routes products to.
  public static let avx512: Bool = avx2 && has(linux: "avx512f", darwin: "hw.optional.avx512f")

  private static func has(linux: Substring, darwin: String) -> Bool {
    #if arch(x86_64)
    #if os(Linux)
    return linuxFlags.contains(linux)
    #elseif canImport(Darwin)
    return sysctlFlag(darwin)
    #else
    return false
    #endif
    #else
    return false
    #endif
  }

  #if os(Linux)
  /// The first "flags" line of /proc/cpuinfo; the kernel lists avx2 and avx512f there only when
  /// it has enabled the matching register state.
  private static let linuxFlags: Set<Substring> = {
    guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0 {
      guard let line else { break }
      let text = String(cString: line)
      if text.hasPrefix("flags") {
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }))
      }
    }
    return []
  }()
  #elseif canImport(Darwin)
  private static func sysctlFlag(_ name: String) -> Bool {
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    return sysctlbyname(name, &value, &size, nil, 0) == 0 && value != 0
  }
  #endif
}
