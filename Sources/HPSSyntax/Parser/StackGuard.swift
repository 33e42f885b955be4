// Knows where the current thread's stack ends, so recursive descent can stop with a SyntaxError on
// a small thread (a 512 KiB worker) long before it would overflow.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

struct StackGuard {
  /// When the thread's real bounds are unknown: how much stack a parse may use from where it began.
  static let fallbackBudget = 256 * 1024

  /// Lowest address recursion may reach (stacks grow down on every platform hps runs on).
  private let limit: UInt

  init() {
    let here = StackGuard.currentAddress()
    if let low = StackGuard.threadStackLow(), low < here {
      limit = low + UInt(ParserLimits.stackReserve)
    } else {
      limit = here > UInt(StackGuard.fallbackBudget) ? here - UInt(StackGuard.fallbackBudget) : 0
    }
  }

  /// True when the current frame is within the reserve of the stack's end.
  var isLow: Bool {
    StackGuard.currentAddress() < limit
  }

  @inline(never) private static func currentAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  /// The lowest address of this thread's stack, from the platform's thread API.
  private static func threadStackLow() -> UInt? {
    #if canImport(Darwin)
      let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
      return top - UInt(pthread_get_stacksize_np(pthread_self()))
    #elseif canImport(Glibc)
      // pthread_getattr_np is a GNU extension the Glibc module does not import; look it up.
      typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
      let getattr = unsafeBitCast(symbol, to: GetAttr.self)
      var attributes = pthread_attr_t()
      guard getattr(pthread_self(), &attributes) == 0 else { return nil }
      defer { pthread_attr_destroy(&attributes) }
      var address: UnsafeMutableRawPointer?
      var size = 0
      guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
      return UInt(bitPattern: address)
    #else
      return nil
    #endif
  }
}
