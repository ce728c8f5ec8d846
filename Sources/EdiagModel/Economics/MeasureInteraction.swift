/// How a measure shares an energy flow with other measures, so that plant totals count a shared
/// saving once (`docs/economics.md`, "Measures that overlap").
///
/// Measures with the same `group` act on one energy flow: the same motor, the same boiler's steam,
/// the same kiln's heat. Each is still valued alone on its own finding (what it saves if done
/// alone); only the totals combine them.
public struct MeasureInteraction: Sendable, Equatable, Codable {
    /// The energy flow, e.g. `drive:M-ID-FAN`, `steam:B-1`, `kiln-heat:K1`.
    public var group: String
    /// Carrier → the flow's annual use of that carrier (in the carrier's unit). Savings of a carrier
    /// with a base combine in sequence: each later measure saves its share of what is left.
    public var base: [String: Double]
    /// Carrier → the amount by which this measure, when done together with another member of its
    /// group, reduces that member's saving of the carrier (e.g. the waste-heat power a better
    /// cooler takes away). Counted only when another member saves that carrier.
    public var overlap: [String: Double]

    public init(group: String, base: [String: Double] = [:], overlap: [String: Double] = [:]) {
        self.group = group
        self.base = base
        self.overlap = overlap
    }
}

/// What plant totals must take off the plain sum of measures' savings because measures overlap.
public struct MeasureOverlap: Sendable, Equatable {
    public var tcePerYear = 0.0
    public var co2TonnesPerYear = 0.0
    /// Money counted twice (energy and carbon value); only where every overlapping saving was priced.
    public var yuanPerYear = 0.0

    public init() {}

    /// The overlap among the given measures (in a deterministic order: groups by name, members in
    /// the order given).
    ///
    /// For each group and carrier: with a base *B* (the largest any member declares), the combined
    /// saving is `B × (1 − Π(1 − s_i / B))` over the members' positive savings *s_i* (each share
    /// capped at 1), plus their negative savings unchanged; without a base it is the plain sum. The
    /// declared overlaps are then taken off, each at most the other members' positive savings of that
    /// carrier. The difference to the plain sum is converted to tce, CO2 and yuan at the members' own
    /// per-unit factors.
    public init(_ measures: [MeasureEconomics]) {
        self.init()
        var groups: [String: [MeasureEconomics]] = [:]
        for m in measures { if let g = m.interaction?.group { groups[g, default: []].append(m) } }
        for name in groups.keys.sorted() {
            guard let members = groups[name], members.count > 1 else { continue }
            var carriers = Set<String>()
            for m in members { for line in m.savings { carriers.insert(line.carrier) } }
            for carrier in carriers.sorted() {
                add(carrier: carrier, members: members)
            }
        }
    }

    private mutating func add(carrier: String, members: [MeasureEconomics]) {
        let lines = members.map { m in m.savings.first { $0.carrier == carrier } }
        let amounts = lines.map { $0?.amount ?? 0 }
        let plainSum = amounts.reduce(0, +)
        var combined = plainSum
        let base = members.compactMap { $0.interaction?.base[carrier] }.max() ?? 0
        if base > 0 {
            var remaining = 1.0
            var negative = 0.0
            for a in amounts {
                if a > 0 { remaining *= 1 - min(a / base, 1) } else { negative += a }
            }
            combined = base * (1 - remaining) + negative
        }
        for (i, m) in members.enumerated() {
            guard let declared = m.interaction?.overlap[carrier], declared > 0 else { continue }
            let others = amounts.enumerated().filter { $0.offset != i }.map { max($0.element, 0) }.reduce(0, +)
            combined -= min(declared, others)
        }
        let counted = plainSum - combined
        guard counted != 0, let reference = lines.compactMap({ $0 }).first(where: { $0.amount != 0 }) else { return }
        tcePerYear += counted * reference.tce / reference.amount
        let co2 = counted * reference.co2Tonnes / reference.amount
        co2TonnesPerYear += co2
        let priced = zip(lines, members).allSatisfy { line, m in line == nil || (line?.yuan != nil && m.yuanPerYear != nil) }
        if priced, let yuan = reference.yuan {
            yuanPerYear += counted * yuan / reference.amount + co2 * (members.first?.carbonPriceYuanPerTonne ?? 0)
        }
    }
}
