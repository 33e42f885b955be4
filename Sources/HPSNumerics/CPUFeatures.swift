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
    #if arch(x86_64)
    if let off = getenv("HPS_DISABLE_AVX2"), String(cString: off) == "1" { return false }
    #if os(Linux)
    // The kernel lists avx2 in /proc/cpuinfo only when it has enabled the AVX state.
    guard let file = fopen("/proc/cpuinfo", "r") else { return false }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0 {
      guard let line else { break }
      let text = String(cString: line)
      if text.hasPrefix("flags") { return text.split(separator: " ").contains { $0 == "avx2" || $0 == "avx2\n" } }
    }
    return false
    #elseif canImport(Darwin)
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    return sysctlbyname("hw.optional.avx2_0", &value, &size, nil, 0) == 0 && value != 0
    #else
    return false
    #endif
    #else
    return false
    #endif
  }()
}
