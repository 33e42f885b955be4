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
  #if canImport(Glibc)
    /// pthread_getattr_np, looked up once (the interpreter asks on every script call a search
    /// worker makes).
    nonisolated(unsafe) fileprivate static let getattrSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np")
  #endif

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

  @inline(never) fileprivate static func currentAddress() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
  }

  /// The lowest address of this thread's stack, from the platform's thread API.
  fileprivate static func threadStackLow() -> UInt? {
    #if canImport(Darwin)
      let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
      return top - UInt(pthread_get_stacksize_np(pthread_self()))
    #elseif canImport(Glibc)
      // pthread_getattr_np is a GNU extension the Glibc module does not import; look it up.
      typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
      guard let getattr = unsafeBitCast(StackGuard.getattrSymbol, to: GetAttr?.self) else { return nil }
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

/// The calling thread's native stack, for code that runs script calls on threads it did not
/// create (a parallel search's workers have 16–64 MiB where the interpreter's own thread has 1 GiB).
public enum NativeStack {
  /// The lowest address of the calling thread's stack (stacks grow down), when the platform says.
  public static func lowestAddress() -> UInt? { StackGuard.threadStackLow() }
  /// An address in the caller's frame.
  @inline(__always) public static func currentAddress() -> UInt { StackGuard.currentAddress() }
}
