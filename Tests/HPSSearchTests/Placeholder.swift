import Testing
@testable import HPSSearch

@Test func placeholder_HPSSearchTests() { #expect(Bool(true)) }
