#define _GNU_SOURCE
#include "CLuaShim.h"

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

static ediag_sandbox *sandbox_of(lua_State *L) {
    return *(ediag_sandbox **)lua_getextraspace(L);
}

static double monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Writes "file:line" of the innermost frame, from `level` up, that runs code from a rule or module
 * file (chunk names starting with '@'; the prelude and text given to load() never do). Reading the
 * call stack does not allocate. Returns 0 when no such frame exists. */
static int rule_frame_at(lua_State *L, int level, char *buffer, size_t size) {
    lua_Debug ar;
    if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "Sl", &ar)) return -1;
    if (ar.source != NULL && ar.source[0] == '@' && ar.currentline > 0) {
        snprintf(buffer, size, "%s:%d", ar.short_src, ar.currentline);
        return 1;
    }
    return 0;
}

static int blame_rule_frame(lua_State *L, int level, char *buffer, size_t size) {
    /* The innermost frames first; lua_getstack walks from the top, so each look costs its depth. */
    const int near = 256;
    for (int l = level; l < level + near; l++) {
        int found = rule_frame_at(L, l, buffer, size);
        if (found != 0) return found > 0;
    }
    /* A deeper stack (C calls nested through metamethods, recursion in loaded code): find its
     * depth by doubling and halving, then look at the outermost frames, where the rule began. */
    lua_Debug ar;
    int low = level + near, high = low * 2;
    while (lua_getstack(L, high, &ar)) { low = high; high *= 2; }
    while (high - low > 1) {
        int mid = low + (high - low) / 2;
        if (lua_getstack(L, mid, &ar)) low = mid; else high = mid;
    }
    for (int l = low; l >= level + near && l > low - 64; l--) {
        if (rule_frame_at(L, l, buffer, size) > 0) return 1;
    }
    return 0;
}

/* ---- allocator ------------------------------------------------------------------------------ */

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    ediag_sandbox *sb = (ediag_sandbox *)ud;
    size_t old = ptr ? osize : 0; /* when ptr is NULL, osize is a type tag */
    if (nsize == 0) {
        free(ptr);
        sb->bytes_in_use -= old;
        return NULL;
    }
    if (sb->enforcing_memory && nsize > old &&
        sb->bytes_in_use - old + nsize > sb->byte_ceiling) {
        if (!sb->memory_refused && sb->state != NULL) {
            /* Remember where the script was: the error itself carries no position. */
            sb->memory_where[0] = 0;
            blame_rule_frame(sb->state, 0, sb->memory_where, sizeof(sb->memory_where));
        }
        sb->memory_refused = 1;
        return NULL; /* Lua runs an emergency collection and retries, then raises LUA_ERRMEM */
    }
    void *p = realloc(ptr, nsize);
    if (p == NULL) {
        return NULL; /* shrinking with glibc's realloc does not fail */
    }
    sb->bytes_in_use = sb->bytes_in_use - old + nsize;
    if (sb->bytes_in_use > sb->peak_bytes) sb->peak_bytes = sb->bytes_in_use;
    return p;
}

/* ---- instruction and deadline hook ------------------------------------------------------------ */

/* Raises `message` with the position of the rule code running (or the running function). Once a
 * limit is hit every instruction raises again; the position found the first time is reused, so a
 * deep stack is searched once, not at each of those raises. */
static void raise_at_running_function(lua_State *L, const char *message) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->limit_where[0] == 0 && !blame_rule_frame(L, 0, sb->limit_where, sizeof(sb->limit_where))) {
        sb->limit_where[0] = 0;
    }
    if (sb->limit_where[0] != 0) {
        lua_pushfstring(L, "%s: %s", sb->limit_where, message);
    } else {
        luaL_where(L, 0);
        lua_pushstring(L, message);
        lua_concat(L, 2);
    }
    lua_error(L);
}

/* ---- line coverage ------------------------------------------------------------------------- */

static ediag_coverage_file *coverage_file(ediag_coverage *cov, const char *source) {
    if (source == NULL || source[0] != '@') return NULL;
    source++;
    if (cov->last >= 0 && cov->last < cov->count && strcmp(cov->files[cov->last].source, source) == 0) {
        return &cov->files[cov->last];
    }
    for (int i = 0; i < cov->count; i++) {
        if (strcmp(cov->files[i].source, source) == 0) { cov->last = i; return &cov->files[i]; }
    }
    if (cov->count == cov->capacity) {
        int capacity = cov->capacity ? cov->capacity * 2 : 16;
        ediag_coverage_file *files = realloc(cov->files, (size_t)capacity * sizeof(*files));
        if (files == NULL) return NULL;
        cov->files = files;
        cov->capacity = capacity;
    }
    ediag_coverage_file *f = &cov->files[cov->count];
    f->source = strdup(source);
    f->lines = NULL;
    f->size = 0;
    if (f->source == NULL) return NULL;
    cov->last = cov->count++;
    return f;
}

static void coverage_mark(ediag_coverage_file *f, int line, unsigned char bits) {
    if (f == NULL || line < 0) return;
    if (line >= f->size) {
        int size = f->size ? f->size : 64;
        while (size <= line) size *= 2;
        unsigned char *lines = realloc(f->lines, (size_t)size);
        if (lines == NULL) return;
        memset(lines + f->size, 0, (size_t)(size - f->size));
        f->lines = lines;
        f->size = size;
    }
    f->lines[line] |= bits;
}

/* With the function's debug record filled ('S'), and its active-lines table on top of the stack
 * ('L'), marks those lines executable; pops the table. */
static void coverage_add_active_lines(lua_State *L, ediag_coverage_file *f) {
    if (f != NULL && lua_type(L, -1) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) == LUA_TNUMBER) coverage_mark(f, (int)lua_tointeger(L, -2), 1);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void coverage_event(lua_State *L, lua_Debug *ar, ediag_coverage *cov) {
    ediag_sandbox *sb = sandbox_of(L);
    if (ar->event == LUA_HOOKLINE) {
        if (!lua_getinfo(L, "S", ar)) return;
        coverage_mark(coverage_file(cov, ar->source), ar->currentline, 2);
        return;
    }
    /* A call: record the function's executable lines once (keyed by the line it is defined on).
     * Reading them allocates a small table; it is not charged against the rule's memory limit. */
    if (!lua_getinfo(L, "S", ar)) return;
    ediag_coverage_file *f = coverage_file(cov, ar->source);
    if (f == NULL || ar->linedefined < 0) return;
    if (ar->linedefined < f->size && (f->lines[ar->linedefined] & 4)) return;
    int was_enforcing = sb->enforcing_memory;
    sb->enforcing_memory = 0;
    if (lua_checkstack(L, 4) && lua_getinfo(L, "L", ar)) {
        coverage_add_active_lines(L, f);
        coverage_mark(f, ar->linedefined, 4);
    }
    sb->enforcing_memory = was_enforcing;
}

/* Counts VM instructions (count events) and function calls (call events): C functions that loop
 * over metamethods written as C functions run no VM instruction, but every metamethod is a call.
 * Line events, and call events while measuring coverage, feed the coverage record. */
static void budget_hook(lua_State *L, lua_Debug *ar);

/* Stops the running fast attempt: every further instruction and call fails (the hook with count 1
 * raises again), so pcall, xpcall or resume in the script cannot carry it on. Never returns. */
static int stop_fast_attempt(lua_State *L) {
    sandbox_of(L)->limit_hit = EDIAG_LIMIT_RESTART;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
    lua_pushliteral(L, "ediag: attempt stopped, to be run again with counting");
    return lua_error(L);
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->fast_mode) {
        /* A fast attempt the watchdog stopped, or a coroutine made at load time (which carries the
         * hook) resumed in one. Every further instruction and call of the attempt fails, so nothing
         * in the script can go on. Such a coroutine is suspended rather than killed, with its hook
         * as it was made, so that the counted run finds it as the attempt did. */
        sb->limit_hit = EDIAG_LIMIT_RESTART;
        if (L != sb->state && lua_isyieldable(L)) {
            lua_sethook(sb->state, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
            if (ar->event == LUA_HOOKCOUNT) {
                lua_sethook(L, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL, sb->hook_interval);
                lua_yield(L, 0);
                return;
            }
            lua_sethook(L, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1); /* yield at the next instruction */
            return;
        }
        stop_fast_attempt(L);
        return;
    }
    if (ar->event == LUA_HOOKLINE) {
        if (sb->coverage != NULL) coverage_event(L, ar, sb->coverage);
        return;
    }
    int budgeted = (lua_gethookmask(L) & LUA_MASKCOUNT) != 0;
    if (ar->event == LUA_HOOKCALL || ar->event == LUA_HOOKTAILCALL) {
        if (sb->coverage != NULL && sb->limit_hit == EDIAG_LIMIT_NONE) coverage_event(L, ar, sb->coverage);
        if (!budgeted) return;
    }
    if (sb->limit_hit != EDIAG_LIMIT_NONE) {
        /* Already exhausted: every further instruction fails, so pcall cannot swallow the limit. */
        raise_at_running_function(L, sb->limit_hit == EDIAG_LIMIT_DEADLINE ? "deadline exceeded"
                                                                           : "instruction limit exceeded");
        return;
    }
    if (ar->event == LUA_HOOKCALL || ar->event == LUA_HOOKTAILCALL) {
        if (++sb->calls_since_check < sb->hook_interval) return;
        sb->calls_since_check = 0;
    }
    sb->instructions_executed += sb->hook_interval;
    if (sb->instructions_left > 0) {
        sb->instructions_left -= sb->hook_interval;
        if (sb->instructions_left <= 0) {
            sb->limit_hit = EDIAG_LIMIT_INSTRUCTIONS;
        }
    }
    if (sb->limit_hit == EDIAG_LIMIT_NONE && sb->deadline > 0 && monotonic_seconds() > sb->deadline) {
        sb->limit_hit = EDIAG_LIMIT_DEADLINE;
    }
    if (sb->limit_hit != EDIAG_LIMIT_NONE) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL | (lua_gethookmask(L) & LUA_MASKLINE), 1);
        raise_at_running_function(L, sb->limit_hit == EDIAG_LIMIT_DEADLINE ? "deadline exceeded"
                                                                           : "instruction limit exceeded");
    }
}

/* ---- opening ------------------------------------------------------------------------------- */

/* coroutine.create and coroutine.wrap: a coroutine gets its hook when it is made, and the watchdog
 * of a fast attempt can reach only the main thread's; so making one stops a fast attempt (the call
 * then runs again counted, where coroutines inherit the counting hook). Upvalue 1: the original. */
static int guarded_coroutine_factory(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->fast_mode) return stop_fast_attempt(L);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, 1);
    return 1;
}

static void guard_coroutine_factory(lua_State *L, int library, const char *name) {
    lua_getfield(L, library, name);
    lua_pushcclosure(L, guarded_coroutine_factory, 1);
    lua_setfield(L, library, name);
}

static int open_safe_libraries(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    int coroutines = lua_gettop(L);
    guard_coroutine_factory(L, coroutines, "create");
    guard_coroutine_factory(L, coroutines, "wrap");
    lua_settop(L, 0);
    return 0;
}

lua_State *ediag_open(ediag_sandbox *sb) {
    memset(sb, 0, sizeof(*sb));
    sb->hook_interval = 1000;
    lua_State *L = lua_newstate(counting_alloc, sb);
    if (L == NULL) return NULL;
    *(ediag_sandbox **)lua_getextraspace(L) = sb;
    sb->state = L;
    lua_setwarnf(L, NULL, NULL);
    lua_pushcfunction(L, open_safe_libraries);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    lua_gc(L, LUA_GCGEN, 0, 0);
    return L;
}

void ediag_close(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    lua_sethook(L, NULL, 0, 0);
    lua_close(L);
    if (sb->coverage != NULL) {
        for (int i = 0; i < sb->coverage->count; i++) {
            free(sb->coverage->files[i].source);
            free(sb->coverage->files[i].lines);
        }
        free(sb->coverage->files);
        free(sb->coverage);
        sb->coverage = NULL;
    }
}

void ediag_coverage_start(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->coverage != NULL) return;
    sb->coverage = calloc(1, sizeof(ediag_coverage));
    if (sb->coverage != NULL) sb->coverage->last = -1;
}

const ediag_coverage *ediag_coverage_record(lua_State *L) { return sandbox_of(L)->coverage; }

/* scan(value, seen): walks tables (keys, values, metatables) and functions (upvalues). */
static void coverage_scan_value(lua_State *L, int seen, ediag_coverage *cov, int depth) {
    int t = lua_type(L, -1);
    if ((t != LUA_TTABLE && t != LUA_TFUNCTION) || depth > 200 || !lua_checkstack(L, 8)) return;
    lua_pushvalue(L, -1);
    if (lua_rawget(L, seen) != LUA_TNIL) { lua_pop(L, 1); return; }
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    if (t == LUA_TFUNCTION) {
        lua_Debug ar;
        lua_pushvalue(L, -1);
        if (lua_getinfo(L, ">SL", &ar)) {
            ediag_coverage_file *f = coverage_file(cov, ar.source);
            coverage_add_active_lines(L, f);
            if (f != NULL && ar.linedefined >= 0) coverage_mark(f, ar.linedefined, 4);
        }
        for (int i = 1; i < 256; i++) {
            if (lua_getupvalue(L, -1, i) == NULL) break;
            coverage_scan_value(L, seen, cov, depth + 1);
            lua_pop(L, 1);
        }
        return;
    }
    if (lua_getmetatable(L, -1)) {
        coverage_scan_value(L, seen, cov, depth + 1);
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        coverage_scan_value(L, seen, cov, depth + 1);
        lua_pop(L, 1);
        coverage_scan_value(L, seen, cov, depth + 1);
    }
}

static int coverage_scan_entry(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    lua_newtable(L);
    int seen = lua_gettop(L);
    lua_pushvalue(L, 1);
    coverage_scan_value(L, seen, sb->coverage, 0);
    return 0;
}

int ediag_coverage_scan(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->coverage == NULL) { lua_pop(L, 1); return 0; }
    lua_pushcfunction(L, coverage_scan_entry);
    lua_rotate(L, -2, 1);
    return lua_pcall(L, 1, 0, 0);
}

/* ---- the watchdog of fast attempts ---------------------------------------------------------- */

/* A fast attempt runs with no hook at all (a count hook puts Lua 5.4's VM in trap mode, which
 * costs on every instruction). Each thread that makes fast attempts owns a POSIX timer on its own
 * CPU clock that sends it a signal every 5 ms of CPU time; the handler looks at the attempt running
 * on this thread and, when it is the one it saw at the previous tick, arms the budget hook, which
 * stops the attempt. lua_sethook is meant to be called from a signal handler (the standalone
 * interpreter stops scripts on Ctrl-C that way); it only stores the hook and sets trap flags. */

#define WATCH_INTERVAL_NS 5000000L
/* An attempt is stopped once it has run through two ticks: after at most 10 ms of CPU. Even at
 * 4·10^9 VM instructions or calls a second (several times what any CPU runs Lua at) it cannot have
 * done 4·10^7 of them, so a budget at least that large could not have been reached by an attempt
 * that finished; smaller budgets are always counted from the start. */
#define FAST_MIN_INSTRUCTIONS 40000000LL

static __thread ediag_sandbox *volatile watched_sandbox; /* the sandbox of the running fast attempt */
static __thread int watch_state;                       /* 0 unknown, 1 watching, -1 unavailable */
static pthread_once_t watch_once = PTHREAD_ONCE_INIT;
static int watch_process_ready;
static pthread_key_t watch_timer_key;

static int watch_signal(void) { return SIGRTMIN + 5; }

static void watch_tick(int signal, siginfo_t *info, void *context) {
    (void)signal; (void)info; (void)context;
    int saved_errno = errno;
    ediag_sandbox *sb = watched_sandbox;
    if (sb != NULL) {
        unsigned running = sb->fast_sequence;
        if (running == sb->fast_seen) {
            lua_sethook(sb->state, budget_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
        } else {
            sb->fast_seen = running;
        }
    }
    errno = saved_errno;
}

static void watch_thread_exit(void *timer) {
    timer_delete(*(timer_t *)timer);
    free(timer);
}

static void watch_set_up_process(void) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = watch_tick;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    watch_process_ready = sigaction(watch_signal(), &action, NULL) == 0
        && pthread_key_create(&watch_timer_key, watch_thread_exit) == 0;
}

/* Starts this thread's timer on first use; 0 when timers or signals are unavailable (every call is
 * then counted from the start). */
static int watch_this_thread(void) {
    if (watch_state != 0) return watch_state > 0;
    watch_state = -1;
    pthread_once(&watch_once, watch_set_up_process);
    if (!watch_process_ready) return 0;
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, watch_signal());
    if (pthread_sigmask(SIG_UNBLOCK, &unblock, NULL) != 0) return 0;
    timer_t *timer = malloc(sizeof(timer_t));
    if (timer == NULL) return 0;
    struct sigevent event;
    memset(&event, 0, sizeof(event));
    event.sigev_notify = SIGEV_THREAD_ID;
    event.sigev_signo = watch_signal();
    event._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &event, timer) != 0) { free(timer); return 0; }
    struct itimerspec every;
    memset(&every, 0, sizeof(every));
    every.it_interval.tv_nsec = WATCH_INTERVAL_NS;
    every.it_value.tv_nsec = WATCH_INTERVAL_NS;
    if (timer_settime(*timer, 0, &every, NULL) != 0 || pthread_setspecific(watch_timer_key, timer) != 0) {
        timer_delete(*timer);
        free(timer);
        return 0;
    }
    watch_state = 1;
    return 1;
}

int ediag_fast_calls_available(void) { return watch_this_thread(); }

/* ---- protected calls under a budget ------------------------------------------------------- */

/* Message handler of every budgeted call: gives each error the position of the rule code that
 * raised it. A non-string error object becomes a message (no metamethod of it runs); a message
 * positioned in the prelude or in a chunk given to load() gets the rule file's position in front. */
static int blame_handler(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    int was_enforcing = sb->enforcing_memory;
    sb->enforcing_memory = 0; /* the few bytes of the message never fail */
    char where[256];
    int found = blame_rule_frame(L, 1, where, sizeof(where));
    if (found) memcpy(sb->error_where, where, sizeof(where));
    if (lua_type(L, 1) != LUA_TSTRING) {
        const char *type = luaL_typename(L, 1);
        if (found) lua_pushfstring(L, "%s: error object is not a string (a %s value)", where, type);
        else lua_pushfstring(L, "error object is not a string (a %s value)", type);
    } else if (found) {
        size_t length;
        const char *message = lua_tolstring(L, 1, &length);
        const char *colon = strchr(where, ':');
        size_t file_length = colon ? (size_t)(colon - where) + 1 : strlen(where);
        if (length >= file_length && memcmp(message, where, file_length) == 0) {
            lua_pushvalue(L, 1); /* already positioned in the rule's file */
        } else {
            const char *prelude = "ediag-prelude:";
            size_t prelude_length = strlen(prelude);
            if (length > prelude_length && memcmp(message, prelude, prelude_length) == 0) {
                /* drop the prelude's own position: "ediag-prelude:123: text" */
                const char *rest = message + prelude_length;
                while (*rest >= '0' && *rest <= '9') rest++;
                if (*rest == ':') rest++;
                if (*rest == ' ') rest++;
                lua_pushfstring(L, "%s: %s", where, rest);
            } else {
                lua_pushfstring(L, "%s: %s", where, message);
            }
        }
    } else {
        lua_pushvalue(L, 1);
    }
    sb->enforcing_memory = was_enforcing;
    return 1;
}

static int call_with_handler(lua_State *L, int nargs, int nresults) {
    int function = lua_gettop(L) - nargs;
    lua_pushcfunction(L, blame_handler);
    lua_insert(L, function);
    int status = lua_pcall(L, nargs, nresults, function);
    lua_remove(L, function);
    return status;
}

/* A call that failed on a refused allocation reports the memory limit (unless another limit
 * stopped it first). */
static void note_memory_failure(ediag_sandbox *sb, int status) {
    if (status == LUA_ERRMEM || (status != LUA_OK && sb->memory_refused && sb->limit_hit == EDIAG_LIMIT_NONE)) {
        sb->limit_hit = EDIAG_LIMIT_MEMORY;
    }
}

/* Runs the call without a hook, on copies of the function and arguments. Unless the watchdog or a
 * coroutine stopped it, the originals are dropped and the outcome stands; if it was stopped, the
 * originals stay for the counted call. The memory ceiling is enforced as in a counted call. */
static int fast_attempt(lua_State *L, ediag_sandbox *sb, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    for (int i = 0; i <= nargs; i++) lua_pushvalue(L, base + i);
    sb->fast_mode = 1;
    sb->fast_sequence++;
    watched_sandbox = sb;
    sb->call_depth = 1;
    int status = call_with_handler(L, nargs, nresults);
    sb->call_depth = 0;
    watched_sandbox = NULL;
    sb->fast_mode = 0;
    lua_sethook(L, NULL, 0, 0); /* one the watchdog armed as the attempt ended */
    sb->enforcing_memory = 0;
    if (sb->limit_hit == EDIAG_LIMIT_RESTART) {
        lua_settop(L, base + nargs); /* the originals */
        sb->limit_hit = EDIAG_LIMIT_NONE;
        sb->fast_restarts++;
        return EDIAG_CALL_RESTART;
    }
    lua_rotate(L, base, -(nargs + 1));
    lua_pop(L, nargs + 1);
    note_memory_failure(sb, status);
    return status;
}

int ediag_call(lua_State *L, int nargs, int nresults, const ediag_budget *budget) {
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->call_depth > 0) {
        /* A host function calling back into Lua: the outer call's budget, hook and memory ceiling
         * go on counting. Resetting them here would let the rest of the outer call run unlimited. */
        sb->call_depth++;
        int status = call_with_handler(L, nargs, nresults);
        sb->call_depth--;
        return status;
    }
    sb->limit_hit = EDIAG_LIMIT_NONE;
    sb->memory_refused = 0;
    sb->memory_where[0] = 0;
    sb->error_where[0] = 0;
    sb->limit_where[0] = 0;
    sb->calls_since_check = 0;
    sb->instructions_executed = 0;
    sb->peak_bytes = sb->bytes_in_use;
    sb->instructions_left = budget->instructions > 0 ? budget->instructions : 0;
    sb->deadline = budget->seconds > 0 ? monotonic_seconds() + budget->seconds : 0;
    if (budget->memory_bytes > 0) {
        sb->byte_ceiling = sb->bytes_in_use + budget->memory_bytes;
        sb->enforcing_memory = 1;
    }
    int limited = budget->instructions > 0 || budget->seconds > 0;
    if (budget->fast && limited && (budget->instructions == 0 || budget->instructions >= FAST_MIN_INSTRUCTIONS)
        && sb->coverage == NULL && watch_this_thread() && lua_checkstack(L, nargs + 2)) {
        return fast_attempt(L, sb, nargs, nresults);
    }
    int mask = limited ? (LUA_MASKCOUNT | LUA_MASKCALL) : 0;
    if (sb->coverage != NULL) mask |= LUA_MASKLINE | LUA_MASKCALL;
    if (mask != 0) {
        lua_sethook(L, budget_hook, mask, sb->hook_interval);
    }
    sb->call_depth = 1;
    int status = call_with_handler(L, nargs, nresults);
    sb->call_depth = 0;
    lua_sethook(L, NULL, 0, 0);
    sb->enforcing_memory = 0;
    note_memory_failure(sb, status);
    return status;
}

/* ---- host functions --------------------------------------------------------------------------- */

static int host_trampoline(lua_State *L) {
    ediag_sandbox *sb = sandbox_of(L);
    int id = (int)lua_tointeger(L, lua_upvalueindex(1));
    int was_enforcing = sb->enforcing_memory;
    sb->enforcing_memory = 0; /* Swift code never meets an allocation failure */
    if (!lua_checkstack(L, 64)) {
        sb->enforcing_memory = was_enforcing;
        return luaL_error(L, "host function: Lua stack exhausted");
    }
    int n = sb->dispatch(L, id, sb->host);
    if (n < 0) {
        /* The Swift frames are gone: add the caller's position and raise from here. */
        if (lua_type(L, -1) != LUA_TSTRING) lua_pushstring(L, "host function failed");
        luaL_where(L, 1);
        lua_rotate(L, -2, 1);
        lua_concat(L, 2);
        sb->enforcing_memory = was_enforcing;
        return lua_error(L);
    }
    sb->enforcing_memory = was_enforcing;
    if (was_enforcing && sb->bytes_in_use > sb->byte_ceiling) {
        sb->memory_refused = 1;
        return luaL_error(L, "not enough memory");
    }
    return n;
}

void ediag_push_host_function(lua_State *L, int function_id) {
    lua_pushinteger(L, function_id);
    lua_pushcclosure(L, host_trampoline, 1);
}

/* ---- private helpers for the prelude -------------------------------------------------------- */

/* rawmeta(obj): the real metatable, ignoring __metatable. */
static int helper_rawmeta(lua_State *L) {
    if (!lua_getmetatable(L, 1)) lua_pushnil(L);
    return 1;
}

/* pattern_cost(subject_length, pattern): an upper bound on the work of matching at every start
 * position; the prelude refuses calls above its budget. Lua patterns have no alternation or
 * nesting, so one attempt backtracks over at most (n+1)^k positions for k items that can consume
 * up to n bytes (the quantifiers *, + and -, a balance %b and a back-reference %1-%9), doubled for
 * each optional item (?), and every step compares at most the whole pattern (m bytes):
 * (n+1)^(k+1) * 2^q * m over all start positions. */
static int helper_pattern_cost(lua_State *L) {
    lua_Integer n = luaL_checkinteger(L, 1);
    size_t len;
    const char *p = luaL_checklstring(L, 2, &len);
    int repeats = 0, optionals = 0;
    size_t i = 0;
    if (i < len && p[i] == '^') i++;
    while (i < len) {
        char c = p[i];
        size_t next;
        if (c == '%') {
            if (i + 1 < len && p[i + 1] == 'b') { next = i + 4; repeats++; }
            else if (i + 1 < len && p[i + 1] >= '1' && p[i + 1] <= '9') { next = i + 2; repeats++; }
            else if (i + 1 < len && p[i + 1] == 'f') {
                next = i + 2;
                if (next < len && p[next] == '[') {
                    next++;
                    if (next < len && p[next] == '^') next++;
                    if (next < len) next++;
                    while (next < len && p[next] != ']') { if (p[next] == '%') next++; next++; }
                    next++;
                }
                i = next;
                continue;
            } else { next = i + 2; }
        } else if (c == '[') {
            next = i + 1;
            if (next < len && p[next] == '^') next++;
            if (next < len) next++; /* a ']' first is literal */
            while (next < len && p[next] != ']') { if (p[next] == '%') next++; next++; }
            next++;
        } else if (c == '(' || c == ')') {
            i++;
            continue;
        } else {
            next = i + 1;
        }
        if (next < len) {
            char q = p[next];
            if (q == '*' || q == '+' || q == '-') { repeats++; next++; }
            else if (q == '?') { optionals++; next++; }
        }
        i = next;
    }
    double base = (double)(n < 0 ? 0 : n) + 1.0;
    double cost = 1.0;
    for (int k = 0; k <= repeats; k++) { cost *= base; if (cost > 1e18) break; }
    for (int k = 0; k < optionals && cost < 1e18; k++) cost *= 2.0;
    cost *= (double)(len > 0 ? len : 1);
    lua_pushnumber(L, cost);
    return 1;
}

static int proxy_len(lua_State *L) {
    if (!lua_getmetatable(L, 1)) return 0;
    lua_getfield(L, -1, "__index");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int proxy_newindex(lua_State *L) {
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "the plant profile is read-only: cannot set field '%s'", key);
}

/* make_proxy(raw, template): a new empty table whose metatable reads through to `raw`. */
static int helper_make_proxy(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_createtable(L, 0, 0);             /* proxy */
    lua_createtable(L, 0, 6);             /* meta */
    lua_pushnil(L);
    while (lua_next(L, 2) != 0) {         /* copy template fields */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    return 1;
}

void ediag_push_private_helpers(lua_State *L) {
    lua_createtable(L, 0, 6);
    lua_pushcfunction(L, helper_rawmeta);
    lua_setfield(L, -2, "rawmeta");
    lua_pushcfunction(L, helper_pattern_cost);
    lua_setfield(L, -2, "pattern_cost");
    lua_pushcfunction(L, helper_make_proxy);
    lua_setfield(L, -2, "make_proxy");
    lua_pushcfunction(L, proxy_len);
    lua_setfield(L, -2, "proxy_len");
    lua_pushcfunction(L, proxy_newindex);
    lua_setfield(L, -2, "proxy_newindex");
}

void ediag_wrap_proxy(lua_State *L, int template_ref) {
    /* raw on top; builds meta from the template without calling into Lua (no metamethods run). */
    lua_createtable(L, 0, 0);                         /* raw proxy */
    lua_createtable(L, 0, 6);                         /* raw proxy meta */
    lua_rawgeti(L, LUA_REGISTRYINDEX, template_ref);  /* raw proxy meta template */
    lua_pushnil(L);
    while (lua_next(L, -2) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -5);
    }
    lua_pop(L, 1);                                    /* raw proxy meta */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);                          /* raw proxy */
    lua_remove(L, -2);                                /* proxy */
}

/* __index of a traced proxy: reads raw[key] (unknown fields still raise through raw's metatable),
 * reports a scalar result to reader(raw, key, value), returns it. Upvalues: raw, reader. */
static int traced_index(lua_State *L) {
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    lua_gettable(L, -2);                              /* proxy key raw value */
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -4);
        lua_call(L, 3, 0);
    }
    return 1;
}

void ediag_wrap_traced_proxy(lua_State *L, int template_ref, int reader_ref) {
    ediag_wrap_proxy(L, template_ref);                /* proxy; its meta's __index is raw */
    lua_getmetatable(L, -1);                          /* proxy meta */
    lua_getfield(L, -1, "__index");                   /* proxy meta raw (a plain table field) */
    lua_rawgeti(L, LUA_REGISTRYINDEX, reader_ref);    /* proxy meta raw reader */
    lua_pushcclosure(L, traced_index, 2);             /* proxy meta closure */
    lua_setfield(L, -2, "__index");                   /* proxy meta */
    lua_pop(L, 1);                                    /* proxy */
}

int ediag_registry_index(void) { return LUA_REGISTRYINDEX; }

void ediag_set_hook_interval(lua_State *L, int instructions) {
    sandbox_of(L)->hook_interval = instructions > 0 ? instructions : 1;
}

void ediag_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT, 0); }

size_t ediag_bytes_in_use(lua_State *L) { return sandbox_of(L)->bytes_in_use; }

int ediag_where(lua_State *L, int level, char *buffer, size_t size) {
    lua_Debug ar;
    for (int l = level; l < level + 8; l++) {
        if (!lua_getstack(L, l, &ar)) return 0;
        if (!lua_getinfo(L, "Sl", &ar)) return 0;
        if (ar.currentline > 0) {
            /* The full file name of a file chunk ("@path"): short_src cuts long paths to 60 bytes. */
            const char *name = (ar.source != NULL && ar.source[0] == '@') ? ar.source + 1 : ar.short_src;
            snprintf(buffer, size, "%s:%d", name, ar.currentline);
            return 1;
        }
    }
    return 0;
}
