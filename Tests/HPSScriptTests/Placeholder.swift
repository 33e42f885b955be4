import Testing
@testable import HPSScript

@Test func placeholder_HPSScriptTests() { #expect(Bool(true)) }
