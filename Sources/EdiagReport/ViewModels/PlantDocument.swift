import EdiagModel

/// The parts of a stored diagnosis document (`ediag/diagnosis@1`) that the reports show, read with field
/// paths so that a bad document is reported precisely.
struct PlantDocument {
    struct Compliance {
        var indicator: String
        var value: Double
        var unit: String
        var grade: String
        var thresholds: [Double?]
        var lowerIsBetter: Bool
        var standard: String
        var effective: String?
        var replaces: String?
        var benchmark: Double?
        var baseline: Double?
        var gapToBenchmarkTce: Double?
        var upcoming: (standard: String, effective: String, grade: String)?
    }

    struct Saving {
        var carrier: String
        var amount: Double
        var unit: String
        var tce: Double
        var yuan: Double?
    }

    struct Economics {
        var measure: String
        var savings: [Saving]
        var tce: Double
        var co2: Double
        var yuan: Double?
        var investment: Double
        var lifetime: Double
        var payback: Double?
        var npv: Double?
        var irr: Double?
        var cce: Double?
        var rangeLow: Double
        var rangeHigh: Double
        var confidence: String
        var notes: [String]
    }

    struct Finding {
        var priority: Int
        var rule: String
        var subject: String
        var category: String
        var severity: String
        var title: String
        var message: String
        var compliance: Compliance?
        var economics: Economics?
        var evidence: [(name: String, value: String)]
        var references: [(standard: String, clause: String?)]
    }

    struct Outcome {
        var rule: String
        var status: String
        var subject: String?
        var detail: String
        var needs: [String]
    }

    var id: String
    var name: String
    var sector: String
    var assessmentDate: String
    var source: String
    var findings: [Finding]
    var outcomes: [Outcome]
    var warnings: [String]
    var ediagVersion: String?
    var plugins: [String]

    init(document: JSONValue, language: ReportLanguage) throws(ReportDocumentError) {
        let root = DocumentReader(document)
        let schema = try root.string("schema")
        guard schema == Diagnosis.schemaVersion else {
            throw ReportDocumentError(path: "schema", message: "expected \"\(Diagnosis.schemaVersion)\", found \"\(schema)\"")
        }
        let plant = try root.object("plant")
        id = try plant.string("id")
        name = try plant.string("name")
        sector = try plant.string("sector")
        assessmentDate = try plant.string("assessment_date")
        source = try plant.optionalString("source") ?? ""
        findings = try root.array("findings").map { f throws(ReportDocumentError) in try Self.finding(f, language) }
        outcomes = try root.array("outcomes", required: false).map { o throws(ReportDocumentError) in
            Outcome(rule: try o.string("rule"), status: try o.string("status"), subject: try o.optionalString("subject"),
                    detail: try o.optionalString("detail") ?? "",
                    needs: try o.array("needs", required: false).map { n throws(ReportDocumentError) in
                        guard case .string(let s) = n.value else { throw ReportDocumentError(path: n.path, message: "expected a text") }
                        return s
                    })
        }
        warnings = try root.array("warnings", required: false).map { w throws(ReportDocumentError) in
            guard case .string(let s) = w.value else { throw ReportDocumentError(path: w.path, message: "expected a text") }
            return s
        }
        if let run = try root.optionalObject("run") {
            ediagVersion = try run.optionalString("ediag_version")
            plugins = try run.array("plugins", required: false).map { p throws(ReportDocumentError) in
                "\(try p.string("name")) \(try p.optionalString("version") ?? "")"
            }
        } else {
            ediagVersion = nil
            plugins = []
        }
    }

    private static func finding(_ f: DocumentReader, _ language: ReportLanguage) throws(ReportDocumentError) -> Finding {
        var compliance: Compliance?
        if let c = try f.optionalObject("compliance") {
            var upcoming: (String, String, String)?
            if let u = try c.optionalObject("upcoming") {
                upcoming = (try u.string("standard"), try u.string("effective"), try u.string("grade"))
            }
            compliance = Compliance(
                indicator: try c.localized("indicator", language), value: try c.number("value"), unit: try c.string("unit"),
                grade: try c.string("grade"), thresholds: try c.optionalNumbers("thresholds"),
                lowerIsBetter: (try c.optionalString("better") ?? "lower") != "higher", standard: try c.string("standard"),
                effective: try c.optionalString("effective"), replaces: try c.optionalString("replaces"),
                benchmark: try c.optionalNumber("benchmark"), baseline: try c.optionalNumber("baseline"),
                gapToBenchmarkTce: try c.optionalNumber("gap_to_benchmark_tce_per_year"), upcoming: upcoming)
        }
        var economics: Economics?
        if let e = try f.optionalObject("economics") {
            let range = try e.optionalObject("range")
            economics = Economics(
                measure: try e.string("measure"),
                savings: try e.array("savings", required: false).map { s throws(ReportDocumentError) in
                    Saving(carrier: try s.string("carrier"), amount: try s.number("amount_per_year"), unit: try s.string("unit"),
                           tce: try s.number("tce_per_year"), yuan: try s.optionalNumber("yuan_per_year"))
                },
                tce: try e.number("tce_per_year"), co2: try e.number("co2_tonnes_per_year"), yuan: try e.optionalNumber("yuan_per_year"),
                investment: try e.number("investment_yuan"), lifetime: try e.number("lifetime_years"),
                payback: try e.optionalNumber("simple_payback_years"), npv: try e.optionalNumber("npv_yuan"),
                irr: try e.optionalNumber("irr"), cce: try e.optionalNumber("cost_of_conserved_energy_yuan_per_tce"),
                rangeLow: try range?.number("low") ?? 1, rangeHigh: try range?.number("high") ?? 1,
                confidence: try e.optionalString("confidence") ?? "",
                notes: try e.array("notes", required: false).map { n throws(ReportDocumentError) in
                    guard case .string(let s) = n.value else { throw ReportDocumentError(path: n.path, message: "expected a text") }
                    return s
                })
        }
        let evidence = try f.array("evidence", required: false).map { e throws(ReportDocumentError) in
            let value: String
            switch try e.lookup("value") ?? .null {
            case .number(let n): value = ReportNumber.value(n)
            case .string(let s): value = s
            case .bool(let b): value = b ? "true" : "false"
            default: value = ""
            }
            return (name: try e.string("name"), value: value)
        }
        let references = try f.array("references", required: false).map { r throws(ReportDocumentError) in
            (standard: try r.string("standard"), clause: try r.optionalString("clause"))
        }
        let priority = try f.number("priority")
        return Finding(priority: Int(priority), rule: try f.string("rule"), subject: try f.string("subject"),
                       category: try f.string("category"), severity: try f.string("severity"),
                       title: try f.localized("title", language), message: try f.localized("message", language),
                       compliance: compliance, economics: economics, evidence: evidence, references: references)
    }
}
