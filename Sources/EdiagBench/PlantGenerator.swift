public import EdiagModel
import Foundation

/// Makes any number of realistic plant profiles from a few real-looking ones, deterministically.
///
/// Each generated plant starts from one of the template profiles (the bundled example plants: a
/// laggard, a leader and a typical plant of every sector) and is varied the way real plants vary:
/// - the plant's size (product outputs, energy consumption, process-unit outputs) is scaled by a
///   log-uniform factor between 0.4 and 2.5;
/// - intensities and ratios (kgce/t, kWh/t, %, m3/t …) move by up to ±6 %, percentages stay below 100;
/// - equipment lists are resampled to 60–200 % of the template's length (items drawn with
///   replacement, ids made unique), commissioning years shift by −4…+3 years, operating hours by ±6 %
///   (never above 8,700 h/a).
/// Every generated profile is validated; a variation that fails validation falls back to the
/// template with only the id changed, and the number of fallbacks is reported.
public struct PlantGenerator {
    /// One template: its file name and parsed document.
    public struct Template: Sendable {
        public var name: String
        public var document: SourceValue
        public var sector: String
    }

    public private(set) var templates: [Template]
    /// How many variations failed validation and were replaced by their template.
    public private(set) var fallbacks = 0

    /// Reads the templates (YAML or JSON profiles) from files.
    /// - Throws: `ProfileError` when a template itself does not validate.
    public init(templatePaths: [String]) throws(ProfileError) {
        var templates: [Template] = []
        for path in templatePaths.sorted() {
            let document: SourceValue
            do { document = try SourceDocument.load(path: path) } catch {
                throw ProfileError(file: path, issues: [ProfileIssue(.error, error.location, path: "", error.message)])
            }
            let profile = try ProfileDecoder.decode(document, source: path)
            templates.append(Template(name: (path as NSString).lastPathComponent, document: document, sector: profile.sector))
        }
        self.templates = templates
    }

    /// The `index`-th plant of the set made with `seed`: the same on every call and machine.
    public mutating func plant(index: Int, seed: UInt64) -> SourceValue {
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let template = templates[index % templates.count]
        let id = String(format: "GEN-%@-%06d", template.sector.uppercased(), index)
        var variation = Variation(rng: rng, size: rng.logUniform(0.4, 2.5), plantID: id, index: index)
        let varied = variation.vary(template.document, path: [])
        rng = variation.rng
        do {
            _ = try ProfileDecoder.decode(varied, source: id)
            return varied
        } catch {
            fallbacks += 1
            var plain = Variation(rng: rng, size: 1, plantID: id, index: index)
            plain.onlyIdentity = true
            return plain.vary(template.document, path: [])
        }
    }
}

/// The changes made to one template to give one plant.
struct Variation {
    var rng: SplitMix64
    let size: Double
    let plantID: String
    let index: Int
    var onlyIdentity = false

    mutating func vary(_ value: SourceValue, path: [String]) -> SourceValue {
        switch value {
        case .null: return value
        case .scalar(let text, let quoted, let location):
            return .scalar(varyScalar(text, path: path), isQuoted: quoted, location)
        case .sequence(let items, let location):
            var chosen = items
            if !onlyIdentity, path.last == "equipment", !items.isEmpty {
                let count = max(1, Int((Double(items.count) * rng.uniform(0.6...2.0)).rounded()))
                chosen = (0..<count).map { i in i < items.count ? items[i] : items[rng.integer(0...(items.count - 1))] }
            }
            var out: [SourceValue] = []
            for (i, item) in chosen.enumerated() {
                var itemPath = path
                itemPath.append("#\(i)")
                var varied = vary(item, path: itemPath)
                if path.last == "equipment", i >= items.count { varied = renamed(varied, suffix: "-G\(i)") }
                out.append(varied)
            }
            return .sequence(out, location)
        case .mapping(let pairs, let location):
            return .mapping(pairs.map { pair in
                (pair.key, pair.keyLocation, vary(pair.value, path: path + [pair.key]))
            }, location)
        }
    }

    private func renamed(_ item: SourceValue, suffix: String) -> SourceValue {
        guard case .mapping(let pairs, let location) = item else { return item }
        return .mapping(pairs.map { pair in
            if pair.key == "id", case .scalar(let text, let quoted, let l) = pair.value {
                return (pair.key, pair.keyLocation, .scalar(text + suffix, isQuoted: quoted, l))
            }
            return pair
        }, location)
    }

    private mutating func varyScalar(_ text: String, path: [String]) -> String {
        let key = path.last ?? ""
        if path.count == 2, path[0] == "plant" {
            if key == "id" { return plantID }
            if key == "name" || key == "name_en" { return text + " #\(index)" }
        }
        if onlyIdentity { return text }
        if key == "year", let year = Int(text) {
            return String(min(2025, year + rng.integer(-4...3)))
        }
        guard let space = text.firstIndex(of: " "), let number = Double(text[..<space]) else { return text }
        let unit = String(text[text.index(after: space)...])
        var value = number
        if key == "output" || key.hasSuffix("_output") || key == "consumption" {
            value *= size
        } else if key == "hours" {
            value = min(8700, value * rng.uniform(0.94...1.06))
        } else if unit.contains("/") || unit == "%" {
            value *= rng.uniform(0.94...1.06)
            if unit == "%", number <= 100 { value = min(value, number >= 99 ? number : 99.5) }
        } else {
            return text
        }
        return NumberFormat.plain(NumberFormat.significant(value, digits: 4)) + " " + unit
    }
}
