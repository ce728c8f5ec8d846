public import EdiagModel

/// The plant every fuzz target that runs rules diagnoses: small, valid, with the units and
/// equipment the bundled rules read.
public enum FuzzPlant {
    public static let profile: PlantProfile = {
        let yaml = """
            plant: {id: P1, name: Fuzz, sector: cement}
            assessment: {date: 2026-03-15}
            energy:
              electricity: {consumption: 10 GWh, price: 0.6 yuan/kWh}
            process_units:
              - {id: K1, type: clinker_kiln, capacity: 2500 t/d, clinker_output: 780 kt, clinker_energy: 121.4 kgce/t}
            equipment:
              - {id: M1, type: motor, rated_power: 37 kW, poles: 4, efficiency: 92 %}
            """
        do {
            return try ProfileDecoder.decode(try SourceDocument.parse(yaml, file: "fuzz.yaml"), source: "fuzz.yaml")
        } catch {
            fatalError("the fuzz plant must decode: \(error)")
        }
    }()
}
