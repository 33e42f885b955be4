import Testing
@testable import HPSKernel

@Test func placeholder_HPSKernelTests() { #expect(Bool(true)) }
