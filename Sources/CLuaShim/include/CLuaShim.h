/*
 * CLuaShim: the C edge of ediag's Lua sandbox.
 *
 * Everything that may raise a Lua error (longjmp) lives on this side, so that no Lua error ever
 * crosses a Swift frame: host functions written in Swift are reached through a C trampoline that
 * raises only after the Swift frames have returned. The allocator, the instruction/deadline hook
 * and the protected call that arms them are here too.
 */
#ifndef EDIAG_CLUASHIM_H
#define EDIAG_CLUASHIM_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

/// Why the last protected call stopped early, if it did.
typedef enum ediag_limit_kind {
    EDIAG_LIMIT_NONE = 0,
    EDIAG_LIMIT_INSTRUCTIONS = 1,
    EDIAG_LIMIT_DEADLINE = 2,
    EDIAG_LIMIT_MEMORY = 3,
    /// A call that started without the instruction hook ran long (or met a coroutine) and was
    /// stopped, to be run again from the start with exact counting.
    EDIAG_LIMIT_RESTART = 4,
} ediag_limit_kind;

/// What `ediag_call` returns when a fast attempt was stopped: the function and its arguments are
/// still on the stack, and the caller discards what the attempt reported and calls again counted.
#define EDIAG_CALL_RESTART 100

/// A Swift host function: returns the number of results it pushed, or -1 after pushing an error
/// message string (the trampoline then raises it, with the caller's position, from C).
typedef int (*ediag_host_dispatch)(lua_State *L, int function_id, void *host);

/// Per-state bookkeeping shared by the allocator, the hook and the trampoline.
typedef struct ediag_sandbox {
    /* memory */
    size_t bytes_in_use;
    size_t peak_bytes;          /* peak during the current protected call */
    size_t byte_ceiling;        /* refuse growth beyond this while enforcing */
    int enforcing_memory;
    int memory_refused;
    char memory_where[256];     /* script position of the first refused allocation */
    lua_State *state;
    char error_where[256];      /* rule position of the last error the message handler saw */
    char limit_where[256];      /* rule position where the instruction or time limit was hit */
    /* instructions and time */
    int64_t instructions_left;
    int64_t instructions_executed;
    int hook_interval;          /* instructions, or function calls, between two budget checks */
    int calls_since_check;
    double deadline;            /* CLOCK_MONOTONIC seconds; 0 = none */
    int limit_hit;              /* ediag_limit_kind */
    int call_depth;             /* nesting of ediag_call: host functions may call back into Lua */
    /* fast attempts: no hook; a per-thread CPU-time watchdog arms one when a call runs long */
    int fast_mode;              /* the running call is a fast attempt */
    volatile unsigned fast_sequence;   /* bumped at each fast attempt */
    volatile unsigned fast_seen;       /* the attempt the watchdog saw at its last tick */
    long fast_restarts;         /* fast attempts stopped and run again with counting */
    /* host */
    ediag_host_dispatch dispatch;
    void *host;
    /* line coverage (NULL when off: the hook then never asks for line events) */
    struct ediag_coverage *coverage;
} ediag_sandbox;

/// Line coverage of the files whose chunk names start with '@': per line, whether it holds code
/// (from the active lines of every function seen) and whether it ran.
typedef struct ediag_coverage_file {
    char *source;               /* chunk name without the '@' */
    unsigned char *lines;       /* per line: bit 0 executable, bit 1 hit, bit 2 function scanned here */
    int size;
} ediag_coverage_file;

typedef struct ediag_coverage {
    ediag_coverage_file *files;
    int count;
    int capacity;
    int last;                   /* index of the file met last (lines come in runs) */
} ediag_coverage;

/// Budget for one protected call.
typedef struct ediag_budget {
    size_t memory_bytes;        /* growth allowed above what is in use at the start; 0 = none */
    int64_t instructions;       /* 0 = none */
    double seconds;             /* wall clock; 0 = none */
    int fast;                   /* try without the hook first (see ediag_call) */
} ediag_budget;

/// Creates a state whose allocator counts into `sandbox` and opens the safe standard libraries
/// (base, string, table, math, utf8, coroutine) under a protected call. Returns NULL on failure.
lua_State *ediag_open(ediag_sandbox *sandbox);

/// Closes the state; the hook is removed first, and finalizers are refused by the sandbox anyway.
void ediag_close(lua_State *L);

/// Calls the function below `nargs` arguments on the stack under `budget`. A call made while another
/// is running (a host function calling back into Lua) runs under the outer call's budget instead.
/// Returns the lua_pcall status; on error the error message (a string, positioned at the rule
/// code that raised it where there is one) is on the stack.
///
/// With `budget->fast`, an outermost call first runs without any hook: the per-thread CPU-time
/// watchdog (a POSIX timer ticking every 5 ms of the thread's CPU time) arms the hook if the same
/// attempt is still running at two ticks, and creating a coroutine arms it at once. Budgets below
/// 4·10^7 instructions are always counted (an attempt could otherwise finish above them). The hook then
/// stops the attempt, and `ediag_call` returns `EDIAG_CALL_RESTART` with the function and its
/// arguments back on the stack; the caller runs it again without `fast`, exactly counted. Calls
/// that finish fast have the outcome a counted call would have had (they never reach a limit).
int ediag_call(lua_State *L, int nargs, int nresults, const ediag_budget *budget);

/// Whether fast attempts can be watched on this thread (the timer and its signal are set up).
int ediag_fast_calls_available(void);

/// Pushes a C closure that dispatches to the Swift host with `function_id`.
void ediag_push_host_function(lua_State *L, int function_id);

/// Pushes the private helpers the prelude needs (`rawmeta`, `make_proxy`, `pattern_cost`) as a table.
void ediag_push_private_helpers(lua_State *L);

/// Makes a read-only proxy for the table on top of the stack (replacing it). `meta_ref` is a
/// registry reference to a template metatable whose fields are copied into the proxy's metatable.
void ediag_wrap_proxy(lua_State *L, int template_ref);

/// Like `ediag_wrap_proxy`, but every scalar field read through the proxy is also reported to the
/// function held at `reader_ref` as reader(raw, key, value) (for `ediag explain`).
void ediag_wrap_traced_proxy(lua_State *L, int template_ref, int reader_ref);

/// Sets how many instructions run between two instruction-hook calls (default 1000). Smaller is
/// more exact and slower.
void ediag_set_hook_interval(lua_State *L, int instructions);

/// The pseudo-index of the registry (a macro in lua.h).
int ediag_registry_index(void);

/// Full garbage collection (lua_gc is variadic in 5.4).
void ediag_gc_collect(lua_State *L);

/// Current heap use in bytes as seen by the allocator.
size_t ediag_bytes_in_use(lua_State *L);

/// Writes "chunkname:line" of the Lua function `level` frames up into `buffer`; returns 0 if none.
int ediag_where(lua_State *L, int level, char *buffer, size_t size);

/// Starts recording line coverage for every later protected call (a line and call hook next to
/// the instruction hook). Costs nothing until called.
void ediag_coverage_start(lua_State *L);

/// Adds the executable lines of every Lua function reachable from the value on top of the stack
/// (through tables, metatables and upvalues) to the coverage record; pops the value. Returns 0 on
/// success.
int ediag_coverage_scan(lua_State *L);

/// The coverage record, or NULL when coverage is off.
const ediag_coverage *ediag_coverage_record(lua_State *L);

#endif
