extension ProfileSchema {
    /// Steel process units.
    static let steelUnits: [ObjectSpec] = []
}
