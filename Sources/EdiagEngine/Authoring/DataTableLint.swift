import EdiagModel

/// Warnings about limit tables that load but may not say what their author meant: grades that are
/// not monotonic, rows that overlap (a later row is never reached), selector grids with gaps, and
/// editions that take force on the same day.
enum DataTableLint {
    static func check(_ source: SourceValue, file: String) -> [LintMessage] {
        guard case .mapping(let pairs, _) = source, case .sequence(let editions, _)? = pairs.first(where: { $0.key == "editions" })?.value else { return [] }
        let better = pairs.first { $0.key == "better" }?.value.scalarText ?? "lower"
        var messages: [LintMessage] = []
        var effective: [String: SourceLocation] = [:]
        for edition in editions {
            guard case .mapping(let e, _) = edition else { continue }
            let standard = e.first { $0.key == "standard" }?.value.scalarText ?? "?"
            if let date = e.first(where: { $0.key == "effective" })?.value.scalarText {
                if let other = effective[date] {
                    messages.append(LintMessage(.warning, "edition-overlap", at: edition.location,
                                                "\(standard) takes force on \(date), like the edition at line \(other.line ?? 0)",
                                                hint: "give each edition its own effective date, or merge their rows"))
                }
                effective[date] = edition.location
            }
            guard case .sequence(let rows, _)? = e.first(where: { $0.key == "rows" })?.value else { continue }
            var selectors: [String: SourceLocation] = [:]
            var grid: [[(String, String)]] = []
            for row in rows {
                guard case .mapping(let r, _) = row else { continue }
                var selector: [(String, String)] = []
                if case .mapping(let m, _)? = r.first(where: { $0.key == "match" })?.value {
                    selector = m.map { ($0.key, $0.value.scalarText ?? "?") }.sorted { $0.0 < $1.0 }
                }
                let key = selector.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
                if let first = selectors[key] {
                    messages.append(LintMessage(.warning, "row-overlap", at: row.location,
                                                "\(standard): this row matches {\(key)} like the row at line \(first.line ?? 0); lookups never reach it",
                                                hint: "remove the duplicate or make its match selector differ"))
                } else if let catchAll = selectors[""] {
                    messages.append(LintMessage(.warning, "row-overlap", at: row.location,
                                                "\(standard): the row at line \(catchAll.line ?? 0) has no match selector and is found first; this row is never reached",
                                                hint: "put the row without 'match' last"))
                }
                selectors[key] = selectors[key] ?? row.location
                grid.append(selector)
                if case .sequence(let grades, _)? = r.first(where: { $0.key == "grades" })?.value {
                    let values = grades.compactMap { $0.scalarText.flatMap(Double.init) }
                    let ordered = zip(values, values.dropFirst()).allSatisfy { better == "higher" ? $0 >= $1 : $0 <= $1 }
                    if !ordered {
                        messages.append(LintMessage(.warning, "non-monotonic-grades", at: row.location,
                                                    "\(standard): grades \(values.map { NumberFormat.plain($0) }.joined(separator: " / ")) are not monotonic (\(better) is better)",
                                                    hint: "check the transcription; if the standard publishes them so, keep them and cite the table in 'source'"))
                    }
                }
            }
            messages += gaps(in: grid, standard: standard, at: edition.location)
        }
        return messages
    }

    /// Rows keyed by two or more selectors, one of them a numeric size (kW, kVA, …), form a grid; a
    /// missing combination is a gap. Text-only selectors (metal × route) are categories, not grids.
    private static func gaps(in grid: [[(String, String)]], standard: String, at location: SourceLocation) -> [LintMessage] {
        let keys = Set(grid.flatMap { $0.map(\.0) })
        guard keys.count >= 2, grid.allSatisfy({ Set($0.map(\.0)) == keys }) else { return [] }
        let sortedKeys = keys.sorted()
        var values: [String: [String]] = [:]
        for key in sortedKeys {
            var seen: [String] = []
            for row in grid { if let v = row.first(where: { $0.0 == key })?.1, !seen.contains(v) { seen.append(v) } }
            values[key] = seen
        }
        guard values.values.contains(where: { $0.allSatisfy { Double($0) != nil } }) else { return [] }
        let present = Set(grid.map { $0.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") })
        var combinations: [[String]] = [[]]
        for key in sortedKeys { combinations = combinations.flatMap { c in values[key]!.map { c + ["\(key)=\($0)"] } } }
        let missing = combinations.map { $0.joined(separator: ", ") }.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let shown = missing.prefix(5).map { "{\($0)}" }.joined(separator: "; ") + (missing.count > 5 ? "; … (\(missing.count) in all)" : "")
        return [LintMessage(.warning, "row-gap", at: location, "\(standard): no row for \(shown)",
                            hint: "add the missing rows if the standard has them; if it does not, say so in the edition's source")]
    }
}
