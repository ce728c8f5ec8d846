#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command and measures it: wall time and that child's own peak resident memory (from
/// `wait4`), which `Process` does not report.
public enum ChildProcess {
    public struct Measurement: Sendable {
        public var status: Int32
        public var seconds: Double
        public var peakResidentBytes: Int
    }

    /// Runs `executable` with `arguments`, standard output discarded.
    /// - Parameter errorFile: where standard error goes (created or emptied); discarded when nil.
    /// - Throws: `BenchmarkError` when the process cannot be started.
    public static func measure(_ executable: String, _ arguments: [String], errorFile: String? = nil) throws -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = CPUClock.wall()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchmarkError("cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(CPUClock.wall() - start) / 1e9
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measurement(status: exitCode, seconds: seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }
}
