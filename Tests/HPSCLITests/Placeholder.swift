import Testing
@testable import HPSKernel

@Test func placeholder_HPSCLITests() { #expect(Bool(true)) }
