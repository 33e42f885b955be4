// Scalar math from the C library, so kernels do not need Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) public func _log(_ x: Double) -> Double { log(x) }
@inline(__always) public func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) public func expf_(_ x: Float) -> Float { expf(x) }
@inline(__always) public func logf_(_ x: Float) -> Float { logf(x) }
@inline(__always) public func tanhf_(_ x: Float) -> Float { tanhf(x) }
@inline(__always) public func erff_(_ x: Float) -> Float { erff(x) }
