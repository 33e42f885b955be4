import Testing
@testable import HPSNumerics

@Test func placeholder_HPSNumericsTests() { #expect(Bool(true)) }
