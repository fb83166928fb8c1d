/* Runs AArch64 code made by backend-aarch64 (under qemu-aarch64 in tests).
 *
 *   harness info   prints "memory ADDR" and "helper NAME ADDR" lines: the
 *                  test memory and the helpers traces may call (the
 *                  standard helpers, and probe for GC root tests).
 *   harness run    reads cases from stdin, runs each, writes results to
 *                  stdout (flushed after each case, so a crash shows which
 *                  case it was).
 *
 * All numbers are little-endian u64. A request is a sequence of cases,
 * ending with a 0:
 *   n (traces), then per trace:
 *     code_len table_literal return_offset exits, code bytes (padded to 8)
 *   links, then per link: from_trace exit to_trace
 *   state_words, state words, MEMORY_WORDS memory words
 * Trace 0 is entered. A result is
 *   exit number, state words, MEMORY_WORDS memory words.
 * Each trace's table literal is pointed at a fresh exit table whose entries
 * are the return stub, or the entry of the trace its exit is linked to, as
 * CompiledTrace::load and link_exit do.
 *
 * The helpers compute what traces::testing's standard helpers compute
 * (built with -ffp-contract=off: a fused multiply-add would round
 * differently from the Rust versions).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MEMORY_WORDS 64

static uint64_t test_memory[MEMORY_WORDS] __attribute__((aligned(64)));

static int64_t imix(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * 31u + (uint64_t)b); }
static double fmix(double a, int64_t b) { return a * 0.5 + (double)b; }
static int64_t sum6(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) {
    return (int64_t)((uint64_t)a + (uint64_t)b + (uint64_t)c + (uint64_t)d + (uint64_t)e - (uint64_t)f);
}
static double mixed(int64_t a, double x, int64_t b, double y) {
    return (double)(int64_t)((uint64_t)a - (uint64_t)b) * x - y;
}
static _Bool isneg(int64_t a) { return a < 0; }
static volatile int64_t touched;
static void touch(int64_t a) { touched = a; }

/* The state area of the running trace, for probe. */
static uint64_t *current_state;

/* probe(area): copies the GC root area at state word `area` (the marker,
 * whose low 16 bits are 1 + n and whose higher bits are the ref count,
 * then the n roots) into the test memory, for the test of collecting
 * calls. */
static void probe(int64_t area) {
    uint64_t words = current_state[area] & 0xffff;
    for (uint64_t k = 0; k < words && k < MEMORY_WORDS; k++) test_memory[k] = current_state[area + k];
}

struct helper { const char *name; void *addr; };
static const struct helper helpers[] = {
    {"imix", (void *)imix}, {"fmix", (void *)fmix}, {"sum6", (void *)sum6},
    {"mixed", (void *)mixed}, {"isneg", (void *)isneg}, {"touch", (void *)touch},
    {"probe", (void *)probe},
};

static void die(const char *what) {
    fprintf(stderr, "harness: %s\n", what);
    exit(2);
}

static uint64_t read_word(void) {
    uint64_t w;
    if (fread(&w, 8, 1, stdin) != 1) die("truncated request");
    return w;
}

static void read_words(uint64_t *to, uint64_t n) {
    if (n && fread(to, 8, n, stdin) != n) die("truncated request");
}

static void write_words(const uint64_t *from, uint64_t n) {
    if (n && fwrite(from, 8, n, stdout) != n) die("cannot write result");
}

#define MAX_TRACES 8

struct trace {
    uint8_t *code;
    size_t map_len;
    uint64_t *table;
};

/* Reads one trace's code into fresh memory with its own exit table whose
 * entries all return, as CompiledTrace::load does; leaves it writable. */
static void read_trace(struct trace *t) {
    uint64_t code_len = read_word();
    uint64_t table_literal = read_word(), return_offset = read_word(), exits = read_word();
    uint64_t padded = (code_len + 7) & ~(uint64_t)7;
    t->map_len = (padded + 4095) & ~(size_t)4095;
    t->code = mmap(NULL, t->map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (t->code == MAP_FAILED) die("mmap");
    read_words((uint64_t *)t->code, padded / 8);
    t->table = calloc(exits + 1, 8);
    if (!t->table) die("out of memory");
    for (uint64_t k = 0; k < exits; k++) t->table[k] = (uint64_t)t->code + return_offset;
    uint64_t table_addr = (uint64_t)t->table;
    memcpy(t->code + table_literal, &table_addr, 8);
    if (mprotect(t->code, t->map_len, PROT_READ | PROT_EXEC) != 0) die("mprotect");
    __builtin___clear_cache((char *)t->code, (char *)t->code + code_len);
}

static int run(void) {
    for (;;) {
        uint64_t n = read_word();
        if (n == 0) return 0;
        if (n > MAX_TRACES) die("too many traces");
        struct trace traces[MAX_TRACES];
        for (uint64_t k = 0; k < n; k++) read_trace(&traces[k]);
        uint64_t links = read_word();
        for (uint64_t k = 0; k < links; k++) {
            uint64_t from = read_word(), exit = read_word(), to = read_word();
            if (from >= n || to >= n) die("bad link");
            traces[from].table[exit] = (uint64_t)traces[to].code;
        }
        uint64_t state_words = read_word();
        uint64_t *state = calloc(state_words + 1, 8);
        if (!state) die("out of memory");
        read_words(state, state_words);
        read_words(test_memory, MEMORY_WORDS);
        uint64_t (*entry)(uint64_t *) = (uint64_t (*)(uint64_t *))traces[0].code;
        current_state = state;
        uint64_t exit = entry(state);
        write_words(&exit, 1);
        write_words(state, state_words);
        write_words(test_memory, MEMORY_WORDS);
        fflush(stdout);
        for (uint64_t k = 0; k < n; k++) {
            munmap(traces[k].code, traces[k].map_len);
            free(traces[k].table);
        }
        free(state);
    }
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "info") == 0) {
        printf("memory %llu\n", (unsigned long long)(uintptr_t)test_memory);
        for (size_t k = 0; k < sizeof helpers / sizeof helpers[0]; k++)
            printf("helper %s %llu\n", helpers[k].name, (unsigned long long)(uintptr_t)helpers[k].addr);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "run") == 0) {
        /* A miscompiled loop must fail the test, not hang it. */
        alarm(300);
        return run();
    }
    fprintf(stderr, "usage: harness info|run\n");
    return 2;
}
