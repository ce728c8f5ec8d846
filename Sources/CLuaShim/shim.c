#include "CLuaShim.h"

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdio.h>

static ediag_sandbox *sandbox_of(lua_State *L) {
    return *(ediag_sandbox **)lua_getextraspace(L);
}

static double monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
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
            /* Remember where the script was: the error itself carries no position. Reading the
             * call stack does not allocate. */
            lua_Debug ar;
            sb->memory_where[0] = 0;
            for (int level = 0; level < 16; level++) {
                if (!lua_getstack(sb->state, level, &ar) || !lua_getinfo(sb->state, "Sl", &ar)) break;
                if (ar.currentline > 0) {
                    snprintf(sb->memory_where, sizeof(sb->memory_where), "%s:%d", ar.short_src, ar.currentline);
                    break;
                }
            }
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

/* Raises `message` with the position of the running Lua function (level 0 inside a hook). */
static void raise_at_running_function(lua_State *L, const char *message) {
    luaL_where(L, 0);
    lua_pushstring(L, message);
    lua_concat(L, 2);
    lua_error(L);
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    ediag_sandbox *sb = sandbox_of(L);
    if (sb->limit_hit != EDIAG_LIMIT_NONE) {
        /* Already exhausted: every further instruction fails, so pcall cannot swallow the limit. */
        raise_at_running_function(L, sb->limit_hit == EDIAG_LIMIT_DEADLINE ? "deadline exceeded"
                                                                           : "instruction limit exceeded");
        return;
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
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        raise_at_running_function(L, sb->limit_hit == EDIAG_LIMIT_DEADLINE ? "deadline exceeded"
                                                                           : "instruction limit exceeded");
    }
}

/* ---- opening ------------------------------------------------------------------------------- */

static int open_safe_libraries(lua_State *L) {
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
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
    lua_sethook(L, NULL, 0, 0);
    lua_close(L);
}

/* ---- protected calls under a budget ------------------------------------------------------- */

int ediag_call(lua_State *L, int nargs, int nresults, const ediag_budget *budget) {
    ediag_sandbox *sb = sandbox_of(L);
    sb->limit_hit = EDIAG_LIMIT_NONE;
    sb->memory_refused = 0;
    sb->memory_where[0] = 0;
    sb->instructions_executed = 0;
    sb->peak_bytes = sb->bytes_in_use;
    sb->instructions_left = budget->instructions > 0 ? budget->instructions : 0;
    sb->deadline = budget->seconds > 0 ? monotonic_seconds() + budget->seconds : 0;
    if (budget->memory_bytes > 0) {
        sb->byte_ceiling = sb->bytes_in_use + budget->memory_bytes;
        sb->enforcing_memory = 1;
    }
    if (budget->instructions > 0 || budget->seconds > 0) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, sb->hook_interval);
    }
    int status = lua_pcall(L, nargs, nresults, 0);
    lua_sethook(L, NULL, 0, 0);
    sb->enforcing_memory = 0;
    if (status == LUA_ERRMEM || (status != LUA_OK && sb->memory_refused && sb->limit_hit == EDIAG_LIMIT_NONE)) {
        sb->limit_hit = EDIAG_LIMIT_MEMORY;
    }
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

/* pattern_cost(subject_length, pattern): an upper bound on the backtracking steps of one match
 * attempt at every start position; the prelude refuses calls above its budget. Lua patterns have no
 * alternation or nesting, so the work is at most (n+1)^(k+1) * 2^q for k repeat quantifiers (*, +, -)
 * and q optional items (?). */
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
            if (i + 1 < len && p[i + 1] == 'b') { next = i + 4; }
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

int ediag_registry_index(void) { return LUA_REGISTRYINDEX; }

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
