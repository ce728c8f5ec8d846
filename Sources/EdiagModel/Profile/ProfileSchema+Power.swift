extension ProfileSchema {
    /// Power process units.
    static let powerUnits: [ObjectSpec] = []
}
