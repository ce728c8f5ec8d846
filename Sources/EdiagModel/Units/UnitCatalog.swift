/// The named units ediag understands, with their scale to the base units.
///
/// Base units: J (energy), kg (mass), m (length), s (time), yuan (money), kgce (standard coal
/// equivalent), Pa (pressure), K (temperature), VA (apparent power), V, A, kgCO2. Coal-equivalent
/// units follow GB/T 2589-2020: 1 kgoe = 1.4286 kgce (41 816 kJ / 29 307.6 kJ).
enum UnitCatalog {
    struct Entry {
        let dimension: Dimension
        let scale: Double
        let offset: Double
    }

    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ names: [String], _ dimension: Dimension, _ scale: Double, offset: Double = 0) {
            for name in names { table[name] = Entry(dimension: dimension, scale: scale, offset: offset) }
        }
        let power = Dimension.energy / .time
        // energy
        add(["J"], .energy, 1)
        add(["kJ"], .energy, 1e3)
        add(["MJ"], .energy, 1e6)
        add(["GJ"], .energy, 1e9)
        add(["TJ"], .energy, 1e12)
        add(["PJ"], .energy, 1e15)
        add(["Wh"], .energy, 3600)
        add(["kWh", "kW·h", "kW.h", "度"], .energy, 3.6e6)
        add(["MWh"], .energy, 3.6e9)
        add(["GWh"], .energy, 3.6e12)
        add(["TWh"], .energy, 3.6e15)
        add(["kcal"], .energy, 4186.8)
        add(["Mcal"], .energy, 4.1868e6)
        add(["Gcal"], .energy, 4.1868e9)
        // power
        add(["W"], power, 1)
        add(["kW"], power, 1e3)
        add(["MW"], power, 1e6)
        add(["GW"], power, 1e9)
        // apparent power, voltage, current
        add(["VA"], .apparentPower, 1)
        add(["kVA"], .apparentPower, 1e3)
        add(["MVA"], .apparentPower, 1e6)
        add(["V"], .voltage, 1)
        add(["kV"], .voltage, 1e3)
        add(["A"], .current, 1)
        add(["kA"], .current, 1e3)
        // mass
        add(["g"], .mass, 1e-3)
        add(["kg"], .mass, 1)
        add(["t", "tonne", "tonnes"], .mass, 1e3)
        add(["kt"], .mass, 1e6)
        add(["Mt"], .mass, 1e9)
        add(["万t", "万吨"], .mass, 1e7)
        // length, area, volume
        add(["mm"], .length, 1e-3)
        add(["m"], .length, 1)
        add(["km"], .length, 1e3)
        add(["L", "l"], Dimension.length.power(3), 1e-3)
        add(["m3", "m³", "Nm3", "Nm³"], Dimension.length.power(3), 1)
        add(["km3"], Dimension.length.power(3), 1e9)
        add(["m2", "m²"], Dimension.length.power(2), 1)
        // time
        add(["s"], .time, 1)
        add(["min"], .time, 60)
        add(["h"], .time, 3600)
        add(["d"], .time, 86400)
        add(["a", "yr", "year"], .time, 8760 * 3600)
        // money
        add(["yuan", "CNY", "元"], .money, 1)
        add(["万元", "kyuan10"], .money, 1e4)
        add(["亿元"], .money, 1e8)
        // standard coal equivalent (GB/T 2589-2020)
        add(["gce"], .coal, 1e-3)
        add(["kgce"], .coal, 1)
        add(["tce"], .coal, 1e3)
        add(["ktce"], .coal, 1e6)
        add(["Mtce"], .coal, 1e9)
        add(["万tce"], .coal, 1e7)
        add(["kgoe"], .coal, 1.4286)
        add(["toe"], .coal, 1428.6)
        // CO2
        add(["gCO2"], .co2, 1e-3)
        add(["kgCO2"], .co2, 1)
        add(["tCO2"], .co2, 1e3)
        add(["ktCO2"], .co2, 1e6)
        add(["MtCO2"], .co2, 1e9)
        // pressure
        add(["Pa"], .pressure, 1)
        add(["kPa"], .pressure, 1e3)
        add(["MPa"], .pressure, 1e6)
        add(["bar"], .pressure, 1e5)
        add(["psi"], .pressure, 6894.757)
        // temperature
        add(["K"], .temperature, 1)
        add(["°C", "degC", "℃"], .temperature, 1, offset: 273.15)
        // dimensionless
        add(["1"], .none, 1)
        add(["%"], .none, 0.01)
        add(["‰"], .none, 0.001)
        add(["ppm"], .none, 1e-6)
        return table
    }()
}
