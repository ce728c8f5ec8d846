extension ProfileSchema {
    /// Chemicals process units.
    static let chemicalsUnits: [ObjectSpec] = []
}
