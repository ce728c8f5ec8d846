public import EdiagModel

/// Checks a data table file: an `id`, a `source`, and for limit tables (`editions`) the structure
/// every lookup relies on (standard, effective date, rows with three grades).
public enum DataTableChecker {
    /// - Throws: `PackError` with the file, line and what is wrong.
    public static func check(_ source: SourceValue, file: String) throws(PackError) -> DataTable {
        guard case .mapping(let pairs, _) = source else {
            throw PackError(location: source.location, message: "a data table is a mapping with 'id' and 'editions' or 'data'")
        }
        func field(_ key: String) -> SourceValue? { pairs.first { $0.key == key }?.value }
        guard case .scalar(let id, _, _)? = field("id"), !id.isEmpty else {
            throw PackError(location: source.location, message: "a data table needs an 'id'")
        }
        if let editions = field("editions") {
            guard case .scalar(_, _, _)? = field("unit") else {
                throw PackError(location: source.location, message: "limit table '\(id)' needs a 'unit'")
            }
            if let better = field("better"), case .scalar(let b, _, _) = better, b != "lower", b != "higher" {
                throw PackError(location: better.location, message: "'better' is 'lower' or 'higher', got '\(b)'")
            }
            guard case .sequence(let items, _) = editions, !items.isEmpty else {
                throw PackError(location: editions.location, message: "'editions' must be a non-empty list")
            }
            for edition in items {
                guard case .mapping(let e, _) = edition else {
                    throw PackError(location: edition.location, message: "an edition is a mapping")
                }
                func efield(_ key: String) -> SourceValue? { e.first { $0.key == key }?.value }
                guard case .scalar(_, _, _)? = efield("standard") else {
                    throw PackError(location: edition.location, message: "an edition needs 'standard' (e.g. GB 16780-2021)")
                }
                guard case .scalar(let date, _, _)? = efield("effective"), ProfileDecoder.isDate(date) else {
                    throw PackError(location: efield("effective")?.location ?? edition.location,
                                    message: "an edition needs 'effective', the date it takes force (YYYY-MM-DD)")
                }
                guard efield("source") != nil else {
                    throw PackError(location: edition.location, message: "an edition needs a 'source' (where its values were read)")
                }
                guard case .sequence(let rows, _)? = efield("rows"), !rows.isEmpty else {
                    throw PackError(location: efield("rows")?.location ?? edition.location, message: "an edition needs 'rows'")
                }
                for row in rows {
                    guard case .mapping(let r, _) = row else {
                        throw PackError(location: row.location, message: "a row is a mapping with 'grades'")
                    }
                    guard case .sequence(let grades, _)? = r.first(where: { $0.key == "grades" })?.value, grades.count == 3 else {
                        throw PackError(location: row.location, message: "a row needs 'grades': [grade 1, grade 2, grade 3] (null where the standard gives none)")
                    }
                    for g in grades {
                        switch g {
                        case .null: continue
                        case .scalar(let t, _, _) where Double(t) != nil: continue
                        default: throw PackError(location: g.location, message: "a grade is a number or null, got \(g.kindDescription)")
                        }
                    }
                }
            }
        } else if field("data") == nil {
            throw PackError(location: source.location, message: "data table '\(id)' needs 'editions' (a limit table) or 'data'")
        } else if field("source") == nil {
            throw PackError(location: source.location, message: "data table '\(id)' needs a 'source' for its figures")
        }
        return DataTable(id: id, file: file, value: DataValue(source))
    }
}
