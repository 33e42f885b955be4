import Testing
@testable import HPSTraining

@Test func placeholder_HPSTrainingTests() { #expect(Bool(true)) }
