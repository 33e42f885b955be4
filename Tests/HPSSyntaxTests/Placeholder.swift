import Testing
@testable import HPSSyntax

@Test func placeholder_HPSSyntaxTests() { #expect(Bool(true)) }
