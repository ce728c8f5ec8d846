extension ProfileSchema {
    /// Nonferrous process units.
    static let nonferrousUnits: [ObjectSpec] = []
}
