public import EdiagEngine
public import EdiagReport
import Foundation

/// Diagnoses many plants in parallel and writes per-plant results and the portfolio summary.
///
/// Each of `options.jobs` worker threads compiles the packs once into its own `RuleRuntime` and
/// diagnoses plants taken one by one from the sorted input list: read, validate, diagnose, write,
/// drop. Every file is written atomically; a plant's record (`records/<name>.json`) is written
/// last, so a rerun after an interruption reuses exactly the plants that were complete. Each
/// plant's record (as written, or as read back when reused) is folded into the portfolio files
/// while the workers run, in input order (`PortfolioWriter`), so the output folder does not
/// depend on the number of workers or on interruptions, and little is left to do on one thread
/// once the last plant is done.
///
/// ```swift
/// var options = BatchOptions(outputFolder: "out", ediagVersion: "0.1.0")
/// options.jobs = 2
/// let report = try BatchRunner(packs: packs, options: options).run(ProfileDiscovery.inputs(["plants/"]))
/// ```
public struct BatchRunner: Sendable {
    public let packs: [RulePack]
    public let options: BatchOptions

    public init(packs: [RulePack], options: BatchOptions) {
        self.packs = packs
        self.options = options
    }

    /// The run record shared by every plant (plugins, version, configuration hash, notes).
    public var runRecord: RunRecord {
        RunRecord(ediagVersion: options.ediagVersion, packs: packs, configurationHash: options.configurationHash,
                  notes: options.notes)
    }

    /// Runs the batch.
    /// - Parameters:
    ///   - inputs: the profiles, in the order of the portfolio.
    ///   - firstRuntime: a runtime already compiled with `packs` and `options.runtime` and a
    ///     `phaseClock` (`RunSetup.runtime`): the first worker uses it instead of compiling the packs
    ///     again, so it starts at once while the others compile. Ignored when it collects rule costs
    ///     or has no phase clock.
    /// - Returns: counts, rule-loading problems and phase timings.
    /// - Throws: `BatchOutputError` when the output folder cannot be written (results written
    ///   before stay intact), `LuaError` when a worker cannot create its Lua state at all.
    public func run(_ inputs: [BatchInput], firstRuntime: RuleRuntime? = nil) throws -> BatchReport {
        let clock = ContinuousClock()
        let started = clock.now
        let layout = OutputLayout(folder: options.outputFolder)
        for folder in [layout.folder, layout.plants, layout.errors, layout.records] {
            try options.store.createFolder(folder)
            DiskOutput.removeLeftovers(in: folder)
        }
        let portfolio = PortfolioWriter(layout: layout, options: options, run: runRecord, total: inputs.count)
        let shared = SharedProgress(total: inputs.count, started: started, callback: options.progress, portfolio: portfolio)
        let jobs = max(1, min(options.jobs, inputs.count))
        let run = runRecord
        let (packs, options) = (self.packs, self.options)
        let usable = firstRuntime.map { $0.options.phaseClock != nil && !$0.options.collectCosts } ?? false
        let prepared = PreparedRuntime(usable ? firstRuntime : nil)
        let group = DispatchGroup()
        for _ in 0..<jobs {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                shared.work(packs: packs, run: run, layout: layout, options: options, inputs: inputs, prepared: prepared)
            }
            // The main thread's size: deep Lua recursion must hit Lua's own limit first.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let state = shared.finish()
        if let error = state.error {
            portfolio.stop()
            throw error
        }
        try portfolio.finish()
        let elapsed = clock.now - started
        return BatchReport(
            total: inputs.count, diagnosed: state.diagnosed, failed: state.failed, withRuleErrors: state.ruleErrors,
            reused: state.reused, loadErrors: state.loadErrors, timings: state.timings,
            wallSeconds: elapsed.inSeconds)
    }
}

/// The state the workers share: the next input, the counts and the first error.
final class SharedProgress: @unchecked Sendable {
    struct State {
        var next = 0
        var diagnosed = 0, failed = 0, ruleErrors = 0, reused = 0
        var timings = PhaseTimings()
        var loadErrors: [PackError] = []
        var error: (any Error)?
    }

    private let lock = NSLock()
    private var state = State()
    let total: Int
    let started: ContinuousClock.Instant
    let callback: (@Sendable (BatchProgress) -> Void)?
    let portfolio: PortfolioWriter

    init(total: Int, started: ContinuousClock.Instant, callback: (@Sendable (BatchProgress) -> Void)?,
         portfolio: PortfolioWriter) {
        self.total = total
        self.started = started
        self.callback = callback
        self.portfolio = portfolio
    }

    /// One worker's loop: take the next input until none is left or a write failed.
    func work(packs: [RulePack], run: RunRecord, layout: OutputLayout, options: BatchOptions, inputs: [BatchInput],
              prepared: PreparedRuntime) {
        let worker: PlantWorker
        do {
            worker = try PlantWorker(packs: packs, run: run, layout: layout, options: options, runtime: prepared.take())
        } catch {
            lock.withLock { if state.error == nil { state.error = error } }
            return
        }
        lock.withLock { if state.loadErrors.isEmpty { state.loadErrors = worker.runtime.loadErrors } }
        while true {
            let index: Int? = lock.withLock {
                guard state.error == nil, state.next < inputs.count else { return nil }
                defer { state.next += 1 }
                return state.next
            }
            guard let index else { break }
            do {
                let (outcome, reused, entry) = try worker.process(inputs[index])
                try portfolio.add(entry, at: index)
                lock.withLock {
                    switch outcome {
                    case .diagnosed: state.diagnosed += 1
                    case .ruleErrors: state.diagnosed += 1; state.ruleErrors += 1
                    case .failed: state.failed += 1
                    }
                    if reused { state.reused += 1 }
                    report()
                }
            } catch {
                lock.withLock { if state.error == nil { state.error = error } }
            }
        }
        lock.withLock { state.timings.add(worker.timings) }
    }

    /// Calls the progress callback; the lock is held.
    private func report() {
        guard let callback else { return }
        callback(BatchProgress(total: total, done: state.diagnosed + state.failed, failed: state.failed + state.ruleErrors,
                               reused: state.reused, elapsedSeconds: (ContinuousClock.now - started).inSeconds))
    }

    func finish() -> State { lock.withLock { state } }
}

/// A runtime compiled before the batch started, handed to the first worker that asks; the others
/// compile their own, each on its own thread.
final class PreparedRuntime: @unchecked Sendable {
    private let lock = NSLock()
    private var runtime: RuleRuntime?

    init(_ runtime: RuleRuntime?) {
        self.runtime = runtime
    }

    /// The runtime, once; nil afterwards.
    func take() -> RuleRuntime? {
        lock.withLock {
            defer { runtime = nil }
            return runtime
        }
    }
}

extension Duration {
    /// The duration as a number of seconds.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
